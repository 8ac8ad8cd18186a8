import { accountRef, defineCheck, fail, forEachAccount, pass, unknown } from '../../core/check.js';
import { pabSwitchesOff } from './s3-helpers.js';

/**
 * S3-001 / legacy S3-002: the account-level S3 Block Public Access has all four switches on, so no bucket
 * of the account can become public by ACL or policy. One outcome per account.
 */
export const s3AccountLevelPublicAccessBlock = defineCheck({
  id: 's3_account_level_public_access_block',
  title: 'S3 Block Public Access is fully enabled at the account level',
  service: 's3',
  resourceType: 'AWS::::Account',
  severity: 'high',
  reads: ['s3:GetAccountPublicAccessBlock'],
  remediation: {
    summary:
      'Turn on all four S3 Block Public Access settings for the account. Buckets that must stay public (e.g. a static website) belong in a separate, documented account or behind CloudFront with origin access control.',
    console: 'S3 console > Block Public Access settings for this account > Edit > check "Block all public access" > Save.',
    cli: 'aws s3control put-public-access-block --account-id <account-id> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    iac: [
      '# Terraform',
      'resource "aws_s3_account_public_access_block" "this" {',
      '  block_public_acls       = true',
      '  ignore_public_acls      = true',
      '  block_public_policy     = true',
      '  restrict_public_buckets = true',
      '}',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html',
  },
  evaluate: (snapshot) =>
    forEachAccount(snapshot, 's3', (s3, account) => {
      const ref = accountRef(account);
      if (!s3.accountPublicAccessBlock.ok) return [unknown(ref, s3.accountPublicAccessBlock.error)];
      const pab = s3.accountPublicAccessBlock.value;
      const off = pabSwitchesOff(pab);
      const evidence = { accountPublicAccessBlock: pab };
      if (pab === null) {
        return [fail(ref, `Account ${account.accountId} has no account-level S3 Block Public Access configuration.`, evidence)];
      }
      return off.length === 0
        ? [pass(ref, `Account ${account.accountId} blocks S3 public access at the account level (all four settings on).`, evidence)]
        : [fail(ref, `Account ${account.accountId} has account-level S3 Block Public Access settings off: ${off.join(', ')}.`, evidence)];
    }),
});
