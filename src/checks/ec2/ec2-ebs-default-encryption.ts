import { defineCheck, fail, forEachRegion, notApplicable, pass, regionRef, unknown } from '../../core/check.js';
import { describeCollectionError, observed, type CollectionError, type Observed } from '../../core/observed.js';
import type { Ec2Slice } from '../../core/slices/ec2.js';

/**
 * SDAT-002 (hardening): EBS encryption by default in every region that stores or would create EBS data. A
 * region with no volume, instance, owned snapshot or launch template is NOT_APPLICABLE (the setting protects
 * nothing there yet), never FAIL; when some of those reads failed and none found anything, UNKNOWN.
 */
export const ec2EbsDefaultEncryption = defineCheck({
  id: 'ec2_ebs_default_encryption',
  title: 'EBS encryption by default is enabled in every region',
  service: 'ec2',
  resourceType: 'AWS::::Region',
  severity: 'medium',
  reads: ['ec2:GetEbsEncryptionByDefault', 'ec2:DescribeVolumes', 'ec2:DescribeInstances', 'ec2:DescribeSnapshots', 'ec2:DescribeLaunchTemplateVersions'],
  remediation: {
    summary:
      'Enable EBS encryption by default in every region you use, so every new volume and snapshot copy is encrypted (with the AWS managed key or a customer managed key). Existing volumes are not changed.',
    console: 'EC2 console (each region) > Settings > Data protection and security > EBS encryption > Manage > Enable.',
    cli: 'aws ec2 enable-ebs-encryption-by-default --region <region>',
    iac: ['# Terraform (per region/provider alias)', 'resource "aws_ebs_encryption_by_default" "this" {', '  enabled = true', '}'].join('\n'),
    docs: 'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'ec2', (ec2, account, { region }) => {
      const ref = regionRef(account.accountId, region);
      const where = `${account.accountId}/${region}`;
      const v = ec2.ebsEncryptionByDefault;
      if (!v.ok) return [unknown(ref, v.error)];
      if (v.value) return [pass(ref, `EBS encryption by default is enabled in ${where}.`, { ebsEncryptionByDefault: true })];
      const usage = ebsUsage(ec2);
      const evidence = { ebsEncryptionByDefault: false, holds: usage.found, unreadable: usage.unreadable.map((u) => u.what) };
      if (usage.found.length > 0) {
        return [fail(ref, `EBS encryption by default is disabled in ${where}, which holds ${usage.found.join(', ')}.`, evidence)];
      }
      const gap = usage.unreadable[0];
      if (gap) {
        const reason = typeof gap.reason === 'string' ? gap.reason : describeCollectionError(gap.reason);
        return [unknown(ref, `EBS encryption by default is disabled in ${where}; whether the region holds EBS data is unknown (${gap.what}: ${reason})`, evidence)];
      }
      return [
        notApplicable(
          ref,
          `EBS encryption by default is disabled in ${where}, but the region holds no EBS volume, instance, owned snapshot or launch template, so no data is stored unencrypted; enable it before using the region.${usage.countedByConfig.length > 0 ? ` The ${usage.countedByConfig.join(', ')} were not read: the region was read posture-only, AWS Config counts none there (--deep-regions reads them).` : ''}`,
          evidence,
        ),
      ];
    }),
});

interface EbsUsage {
  /** "2 volume(s)", "1 instance(s)", ... */
  readonly found: readonly string[];
  readonly unreadable: readonly { readonly what: string; readonly reason: CollectionError | string }[];
  /** Not read in a posture-only region: AWS Config counts none of them there. */
  readonly countedByConfig: readonly string[];
}

/** What in the region stores or would create EBS data: volumes, instances, launch templates, owned snapshots. */
function ebsUsage(ec2: Ec2Slice): EbsUsage {
  const found: string[] = [];
  const unreadable: { what: string; reason: CollectionError | string }[] = [];
  const countedByConfig: string[] = [];
  const count = (what: string, read: Observed<number> | undefined) => {
    if (read === undefined) unreadable.push({ what, reason: 'not collected in this snapshot (rescan to read it)' });
    // A posture-only region: AWS Config counts none of them there (docs/decisions/0012-region-signal.md).
    else if (!read.ok && read.error.kind === 'not_read') countedByConfig.push(what);
    else if (!read.ok) unreadable.push({ what, reason: read.error });
    else if (read.value > 0) found.push(`${read.value} ${what}`);
  };
  const size = (read: Observed<readonly unknown[]> | undefined): Observed<number> | undefined => (read === undefined ? undefined : read.ok ? observed(read.value.length) : read);
  count('volume(s)', size(ec2.volumes));
  count('instance(s)', size(ec2.instances));
  count('owned snapshot(s)', ec2.ownedSnapshots === undefined ? undefined : ec2.ownedSnapshots.ok ? observed(ec2.ownedSnapshots.value.total) : ec2.ownedSnapshots);
  const templates = ec2.launchTemplateVersions === undefined ? undefined : ec2.launchTemplateVersions.ok ? observed(new Set(ec2.launchTemplateVersions.value.map((t) => t.launchTemplateId)).size) : ec2.launchTemplateVersions;
  count('launch template(s)', templates);
  return { found, unreadable, countedByConfig };
}
