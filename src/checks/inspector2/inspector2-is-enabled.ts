import { defineCheck, fail, forEachRegion, pass, regionRef, unknown } from '../../core/check.js';

/** SECOPS-001 (partial): Amazon Inspector scans the account's workloads in every scanned region. */
export const inspector2IsEnabled = defineCheck({
  id: 'inspector2_is_enabled',
  title: 'Amazon Inspector is enabled in every region',
  service: 'inspector2',
  resourceType: 'AWS::::Region',
  severity: 'medium',
  reads: ['inspector2:BatchGetAccountStatus'],
  remediation: {
    summary:
      'Enable Amazon Inspector for EC2, ECR and Lambda in every region you run workloads (organization-wide from a delegated administrator), so OS and dependency vulnerabilities are found continuously. Another scanner (Snyk, Trivy, OWASP DC in CI) can meet SECOPS-001 too: document it.',
    console: 'Amazon Inspector console (each region) > Get started > Activate Inspector; Account management > activate EC2, ECR and Lambda scanning.',
    cli: 'aws inspector2 enable --resource-types EC2 ECR LAMBDA --region <region>',
    iac: ['# Terraform', 'resource "aws_inspector2_enabler" "this" {', '  account_ids    = [data.aws_caller_identity.current.account_id]', '  resource_types = ["EC2", "ECR", "LAMBDA"]', '}'].join('\n'),
    docs: 'https://docs.aws.amazon.com/inspector/latest/user/getting_started_tutorial.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'inspector2', (insp, account, { region }) => {
      const ref = regionRef(account.accountId, region);
      const where = `${account.accountId}/${region}`;
      if (!insp.account.ok) return [unknown(ref, insp.account.error)];
      const s = insp.account.value;
      // Read by the Organization's delegated administrator for this member (collect/organization-posture.ts).
      const via = insp.source ? { readThrough: { delegatedAdministrator: insp.source.accountId, operation: insp.source.operation } } : {};
      const viaText = insp.source ? `; read through delegated administrator ${insp.source.accountId}` : '';
      const scans = { ec2: s.ec2, ecr: s.ecr, lambda: s.lambda, lambdaCode: s.lambdaCode };
      const active = Object.entries(scans)
        .filter(([, status]) => status === 'ENABLED')
        .map(([type]) => type);
      if (s.status === 'ENABLED' && active.length > 0) {
        return [pass(ref, `Amazon Inspector is enabled in ${where} (scanning ${active.join(', ')}${viaText}).`, { status: s.status, ...scans, ...via })];
      }
      if (s.status === 'ENABLED') {
        return [fail(ref, `Amazon Inspector is enabled in ${where} but no resource type (EC2, ECR, Lambda) is being scanned.`, { status: s.status, ...scans, ...via })];
      }
      return [fail(ref, `Amazon Inspector is not enabled in ${where} (status ${s.status}).`, { status: s.status, ...scans, ...via })];
    }),
});
