import { defineCheck, fail, forEachRegion, notApplicable, pass, regionRef, seen, unknown } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import type { KmsKeyMetadata } from '../../core/slices/kms.js';

function whyNotApplicable(m: KmsKeyMetadata): string {
  if (m.keyState !== 'Enabled') return `is ${m.keyState}`;
  if ((m.keySpec ?? 'SYMMETRIC_DEFAULT') !== 'SYMMETRIC_DEFAULT') return `is a ${m.keySpec ?? ''} key (automatic rotation applies to symmetric keys only)`;
  if ((m.origin ?? 'AWS_KMS') !== 'AWS_KMS') return `has ${m.origin ?? ''} key material (rotate it manually)`;
  return 'is not eligible for automatic rotation';
}

export const kmsCmkRotationEnabled = defineCheck({
  id: 'kms_cmk_rotation_enabled',
  title: 'Customer managed KMS keys have automatic rotation enabled',
  service: 'kms',
  resourceType: 'AWS::KMS::Key',
  severity: 'medium',
  reads: ['kms:ListKeys', 'kms:ListAliases', 'kms:DescribeKey', 'kms:GetKeyRotationStatus'],
  remediation: {
    summary:
      'Enable automatic key rotation on every enabled symmetric customer managed key (yearly by default, configurable from 90 to 2560 days). Old key material stays available to decrypt existing data. AWS managed keys rotate on their own.',
    console: 'KMS console > Customer managed keys > select the key > Key rotation > check "Automatically rotate this KMS key" > Save.',
    cli: 'aws kms enable-key-rotation --key-id <key-id> --rotation-period-in-days 365',
    docs: 'https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'kms', (kms, account, { region }) => {
      const out: CheckOutcome[] = [];
      const keys = seen(kms.keys, regionRef(account.accountId, region), out);
      if (!keys) return out;
      for (const k of keys.value) {
        // AWS managed keys (also the `alias/aws/...` keys an emulator reports as CUSTOMER) rotate automatically.
        if (k.awsManaged) continue;
        const ref = { accountId: account.accountId, region, resourceType: 'AWS::KMS::Key', resourceId: k.keyId, resourceArn: k.arn || null };
        const label = `KMS key ${k.keyId}${k.aliases[0] ? ` (${k.aliases[0]})` : ''}`;
        if (!k.metadata.ok) {
          out.push(unknown(ref, k.metadata.error, { aliases: k.aliases }));
          continue;
        }
        const m = k.metadata.value;
        const evidence = { aliases: k.aliases, keySpec: m.keySpec, keyState: m.keyState, origin: m.origin, keyManager: m.keyManager };
        const r = k.rotationEnabled;
        if (!r.ok) out.push(unknown(ref, r.error, evidence));
        else if (r.value === null) out.push(notApplicable(ref, `${label} ${whyNotApplicable(m)}.`, evidence));
        else if (r.value) out.push(pass(ref, `${label} has automatic rotation enabled.`, { ...evidence, rotationEnabled: true }));
        else out.push(fail(ref, `${label} does not have automatic rotation enabled.`, { ...evidence, rotationEnabled: false }));
      }
      return out;
    }),
});
