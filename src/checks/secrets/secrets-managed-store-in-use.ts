import { accountRef, defineCheck, manual, unknown } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import { describeCollectionError } from '../../core/observed.js';

export const secretsManagedStoreInUse = defineCheck({
  id: 'secrets_managed_store_in_use',
  title: 'Application secrets are kept in a managed secret store',
  service: 'secretsmanager',
  resourceType: 'AWS::::Account',
  severity: 'medium',
  reads: ['secretsmanager:ListSecrets', 'ssm:DescribeParameters'],
  remediation: {
    summary:
      'Keep every credential the workload uses (database passwords, API keys, tokens) in AWS Secrets Manager or SSM Parameter Store SecureString parameters (or an equivalent store such as HashiCorp Vault): encrypted with KMS, access limited by IAM, reads logged in CloudTrail. Turn on rotation where the secret supports it.',
    console: 'Secrets Manager console > Store a new secret; Systems Manager console > Parameter Store > Create parameter > Type: SecureString.',
    cli: [
      'aws secretsmanager create-secret --name <app/db> --secret-string file://secret.json --kms-key-id <key-id>',
      'aws ssm put-parameter --name </app/api-key> --type SecureString --value <value>',
    ].join('\n'),
    iac: [
      '# CloudFormation: generated database secret with rotation',
      'DbSecret:',
      '  Type: AWS::SecretsManager::Secret',
      '  Properties:',
      '    GenerateSecretString:',
      '      SecretStringTemplate: \'{"username":"app"}\'',
      '      GenerateStringKey: password',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html',
  },
  /**
   * Partial control (IAM-010): the API shows which managed stores are used, not whether every secret
   * is in one, so the outcome is MANUAL with the counts per account as evidence, never PASS.
   */
  evaluate: (snapshot) => {
    const out: CheckOutcome[] = [];
    for (const account of snapshot.accounts) {
      const ref = accountRef(account);
      if (!account.access.ok) {
        out.push(unknown(ref, account.access.error));
        continue;
      }
      let secrets = 0;
      let rotated = 0;
      let secureStrings = 0;
      let readable = 0;
      const byRegion: Record<string, { secrets: number | null; secureStringParameters: number | null }> = {};
      const unreadable: string[] = [];
      for (const regional of account.regional) {
        const slice = regional.secrets;
        if (!slice) {
          unreadable.push(`${regional.region}: not collected`);
          continue;
        }
        if (!slice.ok) {
          unreadable.push(describeCollectionError(slice.error));
          continue;
        }
        const { secrets: s, parameters: p } = slice.value;
        if (!s.ok) unreadable.push(describeCollectionError(s.error));
        if (!p.ok) unreadable.push(describeCollectionError(p.error));
        if (s.ok || p.ok) readable += 1;
        const regionSecrets = s.ok ? s.value.length : null;
        const regionSecure = p.ok ? p.value.filter((x) => x.type === 'SecureString').length : null;
        secrets += regionSecrets ?? 0;
        rotated += s.ok ? s.value.filter((x) => x.rotationEnabled).length : 0;
        secureStrings += regionSecure ?? 0;
        if (regionSecrets || regionSecure || regionSecrets === null || regionSecure === null) {
          byRegion[regional.region] = { secrets: regionSecrets, secureStringParameters: regionSecure };
        }
      }
      if (readable === 0) {
        out.push(
          unknown(ref, `Could not read Secrets Manager or Parameter Store in any region of ${account.accountId}: ${unreadable[0] ?? 'no regions scanned'}`, { unreadable }),
        );
        continue;
      }
      const evidence = {
        secretsManagerSecrets: secrets,
        secretsWithRotation: rotated,
        secureStringParameters: secureStrings,
        byRegion,
        unreadable,
      };
      const partial = unreadable.length ? ` (${unreadable.length} read(s) failed, so counts may be low)` : '';
      out.push(
        secrets + secureStrings === 0
          ? manual(
              ref,
              `No Secrets Manager secrets or SecureString parameters found in account ${account.accountId}${partial}; state where the workload keeps its credentials (an equivalent store such as Vault is acceptable).`,
              evidence,
            )
          : manual(
              ref,
              `Account ${account.accountId} has ${secrets} Secrets Manager secret(s) (${rotated} with rotation) and ${secureStrings} SecureString parameter(s)${partial}; confirm every application credential is stored there.`,
              evidence,
            ),
      );
    }
    return out;
  },
});
