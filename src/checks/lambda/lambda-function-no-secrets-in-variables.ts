import { defineCheck, fail, forEachRegion, pass, regionRef, seen, unknown } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';

export const lambdaFunctionNoSecretsInVariables = defineCheck({
  id: 'lambda_function_no_secrets_in_variables',
  title: 'Lambda environment variables hold no secrets',
  service: 'lambda',
  resourceType: 'AWS::Lambda::Function',
  severity: 'critical',
  reads: ['lambda:ListFunctions'],
  remediation: {
    summary:
      'Environment variables are visible to anyone with lambda:GetFunctionConfiguration. Move credentials to Secrets Manager or SSM Parameter Store (SecureString), give the function role permission to read them, and fetch them at runtime (for example with the AWS Parameters and Secrets Lambda Extension). Rotate every credential that was exposed.',
    console: 'Lambda console > Functions > select > Configuration > Environment variables > Edit > remove the secret; store it in Secrets Manager and keep only its name/ARN.',
    cli: [
      'aws secretsmanager create-secret --name <app/api-key> --secret-string <value>',
      'aws lambda update-function-configuration --function-name <name> --environment "Variables={API_KEY_SECRET_ARN=<secret-arn>}"',
    ].join('\n'),
    iac: [
      '# CloudFormation: pass a reference, not the value',
      'Environment:',
      '  Variables:',
      '    DB_SECRET_ARN: !Ref DbSecret',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'lambda', (lambda, account, { region }) => {
      const out: CheckOutcome[] = [];
      const functions = seen(lambda.functions, regionRef(account.accountId, region), out);
      if (!functions) return out;
      for (const fn of functions.value) {
        const ref = { accountId: account.accountId, region, resourceType: 'AWS::Lambda::Function', resourceId: fn.name, resourceArn: fn.arn };
        const env = fn.environment;
        // Published versions keep the variables they were published with (and aliases may point at them).
        const versions = fn.publishedVersions;
        const versionFindings = versions?.withSecrets ?? [];
        const versionEvidence = versions ? { publishedVersions: versions.count, versionsWithSecrets: versionFindings.map((v) => v.version) } : {};
        const latestFindings = env.ok && env.value ? env.value.secretFindings : [];
        if (latestFindings.length > 0 || versionFindings.length > 0) {
          const where = [
            ...(latestFindings.length > 0 ? [latestFindings.map((x) => x.location.replace(/^env:/, '')).join(', ')] : []),
            ...versionFindings.map((v) => `${v.secretFindings.map((x) => x.location.replace(/^env:/, '')).join(', ')} of published version ${v.version}`),
          ];
          out.push(
            fail(ref, `Function ${fn.name} has likely secrets in ${where.join('; ')}; move them to a secret store and rotate them${versionFindings.length > 0 ? ' (delete or republish the affected versions)' : ''}.`, {
              runtime: fn.runtime,
              secretFindings: [...latestFindings, ...versionFindings.flatMap((v) => v.secretFindings.map((f) => ({ ...f, version: v.version })))],
              ...versionEvidence,
            }),
          );
          continue;
        }
        if (!env.ok) {
          out.push(unknown(ref, `Could not read the environment variables of function ${fn.name}: ${env.error.code} (${env.error.message}).`, { runtime: fn.runtime }));
          continue;
        }
        const hidden = versions?.unreadable[0];
        if (hidden) {
          out.push(unknown(ref, `Could not read the environment variables of published version ${hidden.version} of function ${fn.name}: ${hidden.error.code} (${hidden.error.message}).`, { runtime: fn.runtime, ...versionEvidence }));
          continue;
        }
        if (env.value === null) {
          out.push(pass(ref, `Function ${fn.name} has no environment variables${versions && versions.count > 0 ? `, and none of its ${versions.count} published version(s) holds a likely secret` : ''}.`, { runtime: fn.runtime, variables: 0, ...versionEvidence }));
        } else {
          out.push(
            pass(ref, `Function ${fn.name} has ${env.value.variableNames.length} environment variable(s) and none looks like a secret${versions && versions.count > 0 ? ` (nor in its ${versions.count} published version(s))` : ''}.`, {
              runtime: fn.runtime,
              variableNames: env.value.variableNames,
              ...versionEvidence,
            }),
          );
        }
      }
      return out;
    }),
});
