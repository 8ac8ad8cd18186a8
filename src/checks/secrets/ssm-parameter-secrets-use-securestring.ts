import { defineCheck, fail, forEachRegion, pass, regionRef, seen } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';

/** Parameter names that suggest a secret value. */
const SECRET_NAME = /(password|passwd|passphrase|secret|token|api[-_]?key|apikey|private[-_]?key|credential)/i;
/** Names that describe or point at a secret rather than hold it (`db_secret_arn`, `token_ttl`). */
const REFERENCE_SUFFIX = /(?:^|[/_.-])(arn|name|id|ttl|expiry|expiration|length|enabled|rotation|url|endpoint|policy|version)$/i;

/** Whether an SSM parameter's name suggests it holds a secret. */
export function parameterNameSuggestsSecret(name: string): boolean {
  const snake = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return SECRET_NAME.test(snake) && !REFERENCE_SUFFIX.test(snake);
}

export const ssmParameterSecretsUseSecurestring = defineCheck({
  id: 'ssm_parameter_secrets_use_securestring',
  title: 'SSM parameters whose names suggest secrets are SecureString',
  service: 'ssm',
  resourceType: 'AWS::SSM::Parameter',
  severity: 'high',
  reads: ['ssm:DescribeParameters'],
  remediation: {
    summary:
      'Store secret values as SecureString parameters (encrypted with KMS, readable only with kms:Decrypt) instead of String/StringList. The type cannot be changed in place: create a SecureString parameter with the value, switch readers to it (they need --with-decryption) and delete the plain one. Rotate the secret if the plain value was exposed.',
    console: 'Systems Manager console > Parameter Store > Create parameter > Type: SecureString; then delete the String parameter.',
    cli: [
      'aws ssm put-parameter --name <name> --type SecureString --value <value> --overwrite',
      '# --overwrite cannot change String to SecureString: delete-parameter first, or write to a new name',
    ].join('\n'),
    iac: [
      '# Terraform (CloudFormation cannot create SecureString parameters)',
      'resource "aws_ssm_parameter" "db_password" {',
      '  name  = "/app/db/password"',
      '  type  = "SecureString"',
      '  value = var.db_password',
      '}',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'secrets', (secrets, account, { region }) => {
      const out: CheckOutcome[] = [];
      const params = seen(secrets.parameters, regionRef(account.accountId, region), out);
      if (!params) return out;
      for (const p of params.value.filter((x) => parameterNameSuggestsSecret(x.name))) {
        const id = p.name.startsWith('/') ? p.name.slice(1) : p.name;
        const ref = {
          accountId: account.accountId,
          region,
          resourceType: 'AWS::SSM::Parameter',
          resourceId: p.name,
          resourceArn: `arn:${snapshot.partition}:ssm:${region}:${account.accountId}:parameter/${id}`,
        };
        const evidence = { type: p.type, keyId: p.keyId, lastModifiedDate: p.lastModifiedDate };
        out.push(
          p.type === 'SecureString'
            ? pass(ref, `Parameter ${p.name} is a SecureString.`, evidence)
            : fail(ref, `Parameter ${p.name} looks like a secret by its name but is a plain ${p.type}; store it as a SecureString.`, evidence),
        );
      }
      return out;
    }),
});
