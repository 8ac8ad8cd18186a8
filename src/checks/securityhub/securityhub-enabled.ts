import { defineCheck, fail, forEachRegion, pass, regionRef, unknown } from '../../core/check.js';

/**
 * SECOPS-001 / RCVP-001 (supporting): Security Hub is enabled in every scanned region. The enabled standards
 * are evidence only: the hub aggregates GuardDuty, Inspector and Macie findings even without a standard.
 */
export const securityhubEnabled = defineCheck({
  id: 'securityhub_enabled',
  title: 'Security Hub is enabled in every region',
  service: 'securityhub',
  resourceType: 'AWS::::Region',
  severity: 'medium',
  reads: ['securityhub:DescribeHub', 'securityhub:GetEnabledStandards'],
  remediation: {
    summary:
      'Enable Security Hub in every region (organization-wide through a delegated administrator and central configuration) with the AWS Foundational Security Best Practices standard, and aggregate findings into one region.',
    console: 'Security Hub console (each region) > Go to Security Hub > Enable Security Hub (keep "AWS Foundational Security Best Practices" selected).',
    cli: 'aws securityhub enable-security-hub --enable-default-standards --region <region>',
    docs: 'https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'securityhub', (sh, account, { region }) => {
      const ref = regionRef(account.accountId, region);
      const where = `${account.accountId}/${region}`;
      if (!sh.hub.ok) return [unknown(ref, sh.hub.error)];
      if (sh.hub.value === null) return [fail(ref, `Security Hub is not enabled in ${where}.`, { enabled: false })];
      const standards = sh.enabledStandards.ok
        ? (sh.enabledStandards.value ?? []).map((s) => ({ standard: s.standardsArn.replace(/^arn:[^:]+:securityhub:[^:]*:[^:]*:/, ''), status: s.status }))
        : null;
      const note =
        standards === null
          ? ' (its enabled standards could not be read)'
          : standards.length === 0
            ? ' with no security standard enabled'
            : ` with ${standards.length} standard(s)`;
      return [pass(ref, `Security Hub is enabled in ${where}${note}.`, { enabled: true, subscribedAt: sh.hub.value.subscribedAt, standards })];
    }),
});
