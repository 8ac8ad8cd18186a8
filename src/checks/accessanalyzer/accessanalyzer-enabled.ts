import { defineCheck, fail, forEachRegion, pass, regionRef, unknown } from '../../core/check.js';

/** External-access analyzer types: they report resources (S3 buckets, roles, keys) shared outside the zone of trust. */
const EXTERNAL_ACCESS_TYPES = new Set(['ACCOUNT', 'ORGANIZATION']);

/**
 * S3-001, IAM-005, legacy S3-003, competency 1.19: an ACTIVE IAM Access Analyzer for external access (account
 * or organization zone of trust) exists in every scanned region. Unused-access analyzers do not count: they do
 * not report public or cross-account sharing.
 */
export const accessanalyzerEnabled = defineCheck({
  id: 'accessanalyzer_enabled',
  title: 'IAM Access Analyzer (external access) is enabled in every region',
  service: 'accessanalyzer',
  resourceType: 'AWS::::Region',
  severity: 'low',
  reads: ['access-analyzer:ListAnalyzers'],
  remediation: {
    summary:
      'Create an IAM Access Analyzer for external access in every region (zone of trust: the organization, from the management or delegated administrator account, or the account), so public or cross-account S3 buckets, roles and keys are reported.',
    console: 'IAM console > Access analyzer > Analyzer settings > Create analyzer > Finding type: External access > Zone of trust: organization or account (repeat per region).',
    cli: 'aws accessanalyzer create-analyzer --analyzer-name external-access --type ACCOUNT --region <region>',
    iac: ['# CloudFormation', 'Analyzer:', '  Type: AWS::AccessAnalyzer::Analyzer', '  Properties:', '    Type: ACCOUNT', '', '# Terraform', 'resource "aws_accessanalyzer_analyzer" "this" {', '  analyzer_name = "external-access"', '  type          = "ACCOUNT"', '}'].join('\n'),
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-getting-started.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'accessanalyzer', (aa, account, { region }) => {
      const ref = regionRef(account.accountId, region);
      const where = `${account.accountId}/${region}`;
      if (!aa.analyzers.ok) return [unknown(ref, aa.analyzers.error)];
      const analyzers = aa.analyzers.value.map((a) => ({ name: a.name, type: a.type, status: a.status }));
      const active = aa.analyzers.value.find((a) => EXTERNAL_ACCESS_TYPES.has(a.type) && a.status === 'ACTIVE');
      if (active) return [pass(ref, `IAM Access Analyzer ${active.name} (${active.type.toLowerCase()} zone of trust) is active in ${where}.`, { analyzers })];
      if (analyzers.length === 0) return [fail(ref, `No IAM Access Analyzer exists in ${where}.`, { analyzers })];
      return [fail(ref, `No active external-access IAM Access Analyzer in ${where} (found: ${analyzers.map((a) => `${a.name} ${a.type} ${a.status}`).join(', ')}).`, { analyzers })];
    }),
});
