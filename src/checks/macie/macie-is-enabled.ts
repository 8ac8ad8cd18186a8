import { defineCheck, fail, forEachRegion, pass, regionRef, unknown } from '../../core/check.js';

/**
 * SDAT-001 (partial), competency 1.21: Macie is enabled in every scanned region. Data classification can be
 * done another way (SDAT-001 is about the process), so the framework treats this as supporting evidence.
 */
export const macieIsEnabled = defineCheck({
  id: 'macie_is_enabled',
  title: 'Amazon Macie is enabled in every region',
  service: 'macie',
  resourceType: 'AWS::::Region',
  severity: 'medium',
  reads: ['macie2:GetMacieSession', 'macie2:ListClassificationJobs', 'macie2:GetAutomatedDiscoveryConfiguration'],
  remediation: {
    summary:
      'Enable Amazon Macie where S3 holds customer data and turn on automated sensitive data discovery (or scheduled classification jobs), so PII/PHI in buckets is found and classified. If data is classified another way, document the process under SDAT-001.',
    console: 'Amazon Macie console (each region) > Get started > Enable Macie; Settings > Automated sensitive data discovery > Enable.',
    cli: 'aws macie2 enable-macie --region <region>\naws macie2 update-automated-discovery-configuration --status ENABLED --region <region>',
    docs: 'https://docs.aws.amazon.com/macie/latest/user/getting-started.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'macie', (macie, account, { region }) => {
      const ref = regionRef(account.accountId, region);
      const where = `${account.accountId}/${region}`;
      if (!macie.session.ok) return [unknown(ref, macie.session.error)];
      const session = macie.session.value;
      if (session === null) return [fail(ref, `Amazon Macie is not enabled in ${where}.`, { status: null })];
      const evidence = {
        status: session.status,
        classificationJobs: macie.classificationJobs.ok ? (macie.classificationJobs.value?.length ?? 0) : null,
        automatedDiscovery: macie.automatedDiscoveryStatus.ok ? macie.automatedDiscoveryStatus.value : null,
      };
      if (session.status !== 'ENABLED') return [fail(ref, `Amazon Macie is ${session.status.toLowerCase()} in ${where}.`, evidence)];
      const discovery = evidence.automatedDiscovery === 'ENABLED' ? ', automated sensitive data discovery on' : '';
      const jobs = evidence.classificationJobs ? `, ${evidence.classificationJobs} classification job(s)` : '';
      return [pass(ref, `Amazon Macie is enabled in ${where}${discovery}${jobs}.`, evidence)];
    }),
});
