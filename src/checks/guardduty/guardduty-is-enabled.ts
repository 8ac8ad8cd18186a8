import { defineCheck, fail, forEachRegion, pass, regionRef, unknown } from '../../core/check.js';

/** IAM-002 (monitoring part), competency 1.20: GuardDuty has an enabled detector in every scanned region. */
export const guarddutyIsEnabled = defineCheck({
  id: 'guardduty_is_enabled',
  title: 'GuardDuty is enabled in every region',
  service: 'guardduty',
  resourceType: 'AWS::::Region',
  severity: 'medium',
  reads: ['guardduty:ListDetectors', 'guardduty:GetDetector'],
  remediation: {
    summary:
      'Enable GuardDuty in every region (ideally organization-wide from a delegated administrator) so CloudTrail, VPC flow and DNS activity is watched for credential misuse and anomalies; consider Runtime Monitoring for EC2/ECS/EKS.',
    console: 'GuardDuty console (each region) > Get started > Enable GuardDuty; for an Organization: Settings > Delegated administrator, then Accounts > Auto-enable.',
    cli: 'aws guardduty create-detector --enable --region <region>\naws guardduty update-detector --detector-id <id> --enable --region <region>',
    docs: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'guardduty', (gd, account, { region }) => {
      const ref = regionRef(account.accountId, region);
      const where = `${account.accountId}/${region}`;
      if (!gd.detectors.ok) return [unknown(ref, gd.detectors.error)];
      if (gd.detectors.value.length === 0) return [fail(ref, `GuardDuty is not enabled in ${where} (no detector).`, { detectors: 0 })];
      const details = gd.detectors.value.map((d) => ({ id: d.id, details: d.details }));
      const enabled = details.find((d) => d.details.ok && d.details.value.status === 'ENABLED');
      if (enabled?.details.ok) {
        const features = enabled.details.value.features.filter((f) => f.status === 'ENABLED').map((f) => f.name);
        return [pass(ref, `GuardDuty is enabled in ${where} (detector ${enabled.id}).`, { detectorId: enabled.id, enabledFeatures: features })];
      }
      const unreadable = details.find((d) => !d.details.ok);
      if (unreadable && !unreadable.details.ok) return [unknown(ref, unreadable.details.error, { detectorId: unreadable.id })];
      const statuses = details.map((d) => (d.details.ok ? d.details.value.status : 'UNKNOWN'));
      return [fail(ref, `GuardDuty is suspended in ${where} (detector status ${statuses.join(', ')}).`, { detectors: details.map((d) => d.id), statuses })];
    }),
});
