import { defineCheck, fail, manual, notApplicable, regionRef, unknown } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import { regionalSlice } from './regional-reads.js';

/** AWS Config managed rules that flag public buckets. */
export const S3_PUBLIC_CONFIG_RULES = [
  'S3_BUCKET_PUBLIC_READ_PROHIBITED',
  'S3_BUCKET_PUBLIC_WRITE_PROHIBITED',
  'S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED',
  'S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS',
  'S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC',
] as const;

/**
 * Competency 1.19 (legacy S3-003): monitoring alerts when a bucket or object becomes public. Per scanned
 * region: IAM Access Analyzer (external access), AWS Config public-bucket rules or Security Hub standards
 * are evidence (MANUAL: whether their findings reach a person is not visible); none of them is a FAIL.
 * Regions that hold none of the account's buckets are NOT_APPLICABLE.
 */
export const s3PublicExposureMonitoringEnabled = defineCheck({
  id: 's3_public_exposure_monitoring_enabled',
  title: 'Monitoring alerts when an S3 bucket becomes public',
  service: 's3',
  resourceType: 'AWS::::Region',
  severity: 'medium',
  reads: ['access-analyzer:ListAnalyzers', 'config:DescribeConfigRules', 'securityhub:DescribeHub', 'securityhub:GetEnabledStandards', 's3:ListAllMyBuckets', 's3:GetBucketLocation'],
  remediation: {
    summary:
      'Turn on IAM Access Analyzer (account or organization analyzer) in every region with buckets, or the AWS Config rules s3-bucket-public-read-prohibited / s3-bucket-public-write-prohibited, or Security Hub with the Foundational Security Best Practices standard; route the findings to a person (EventBridge rule to SNS or your ticketing system).',
    cli: 'aws accessanalyzer create-analyzer --analyzer-name account --type ACCOUNT --region <region>',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-getting-started.html',
  },
  evaluate: (snapshot) => {
    const out: CheckOutcome[] = [];
    for (const account of snapshot.accounts) {
      if (!account.access.ok) {
        out.push(unknown({ accountId: account.accountId, region: null, resourceType: 'AWS::::Account', resourceId: account.accountId }, account.access.error));
        continue;
      }
      const s3 = account.global.s3;
      const bucketRegions = s3?.ok && s3.value.buckets.ok ? s3.value.buckets.value.map((b) => (b.region.ok ? b.region.value : null)) : null;
      const regionsKnown = bucketRegions !== null && bucketRegions.every((r) => r !== null);
      for (const regional of account.regional) {
        const { region } = regional;
        const ref = regionRef(account.accountId, region);
        const where = `${account.accountId}/${region}`;
        if (regionsKnown && !bucketRegions.includes(region)) {
          out.push(notApplicable(ref, `Account ${account.accountId} has no S3 bucket in ${region}.`));
          continue;
        }
        const monitors: string[] = [];
        const unseen: string[] = [];
        const aa = regionalSlice(regional, 'accessanalyzer', account.accountId);
        if (!aa.ok) unseen.push(aa.reason);
        else if (!aa.value.analyzers.ok) unseen.push(`access-analyzer:ListAnalyzers (${aa.value.analyzers.error.code})`);
        else {
          for (const a of aa.value.analyzers.value) {
            if (a.status === 'ACTIVE' && (a.type === 'ACCOUNT' || a.type === 'ORGANIZATION')) monitors.push(`IAM Access Analyzer ${a.name} (${a.type.toLowerCase()})`);
          }
        }
        const config = regionalSlice(regional, 'config', account.accountId);
        if (!config.ok) unseen.push(config.reason);
        else if (!config.value.rules.ok) unseen.push(`config:DescribeConfigRules (${config.value.rules.error.code})`);
        else {
          const rules = config.value.rules.value.filter(
            (r) => r.sourceIdentifier !== null && (S3_PUBLIC_CONFIG_RULES as readonly string[]).includes(r.sourceIdentifier) && r.state !== 'DELETING',
          );
          if (rules.length > 0) monitors.push(`AWS Config rule(s) ${rules.map((r) => r.name).join(', ')}`);
        }
        const hub = regionalSlice(regional, 'securityhub', account.accountId);
        if (!hub.ok) unseen.push(hub.reason);
        else if (!hub.value.hub.ok) unseen.push(`securityhub:DescribeHub (${hub.value.hub.error.code})`);
        else if (hub.value.hub.value !== null) {
          const standards = hub.value.enabledStandards;
          if (!standards.ok) unseen.push(`securityhub:GetEnabledStandards (${standards.error.code})`);
          else {
            const ready = (standards.value ?? []).filter((s) => s.status === 'READY' || s.status === 'INCOMPLETE');
            if (ready.length > 0) monitors.push(`Security Hub (${ready.length} standard(s))`);
          }
        }
        const evidence = { monitors, unreadable: unseen };
        if (monitors.length > 0) {
          out.push(manual(ref, `Public S3 exposure in ${where} is watched by ${monitors.join('; ')}. Confirm the findings alert a person (EventBridge rule, SNS, ticketing).`, evidence));
        } else if (unseen.length > 0) {
          out.push(unknown(ref, `No S3 public-exposure monitor found in ${where}, but some sources could not be read: ${unseen.join('; ')}.`, evidence));
        } else {
          out.push(
            fail(
              ref,
              `Nothing in ${where} alerts when a bucket becomes public: no active IAM Access Analyzer, no AWS Config public-bucket rule, no Security Hub standard. (An organization analyzer lives in the delegated administrator account; scan it too.)`,
              evidence,
            ),
          );
        }
      }
    }
    return out;
  },
});
