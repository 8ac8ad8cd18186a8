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
        if (!env.ok) {
          out.push(unknown(ref, `Could not read the environment variables of function ${fn.name}: ${env.error.code} (${env.error.message}).`, { runtime: fn.runtime }));
        } else if (env.value === null) {
          out.push(pass(ref, `Function ${fn.name} has no environment variables.`, { runtime: fn.runtime, variables: 0 }));
        } else if (env.value.secretFindings.length === 0) {
          out.push(pass(ref, `Function ${fn.name} has ${env.value.variableNames.length} environment variable(s) and none looks like a secret.`, {
            runtime: fn.runtime,
            variableNames: env.value.variableNames,
          }));
        } else {
          const f = env.value.secretFindings;
          out.push(
            fail(ref, `Function ${fn.name} has likely secrets in ${f.map((x) => x.location.replace(/^env:/, '')).join(', ')}; move them to a secret store and rotate them.`, {
              runtime: fn.runtime,
              secretFindings: f,
            }),
          );
        }
      }
      return out;
    }),
});
