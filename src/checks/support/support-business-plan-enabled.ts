import { accountRef, defineCheck, fail, forEachAccount, pass, unknown } from '../../core/check.js';

/**
 * SUP-001: production accounts have Business support or higher. From DescribeSeverityLevels:
 * SubscriptionRequiredException (Basic/Developer) => FAIL (the checklist also accepts a documented
 * action plan, which is evidence, not an API fact); a severity list => PASS; denied / unreadable => UNKNOWN.
 */
export const supportBusinessPlanEnabled = defineCheck({
  id: 'support_business_plan_enabled',
  title: 'The account has Business Support or higher',
  service: 'support',
  resourceType: 'AWS::::Account',
  severity: 'medium',
  reads: ['support:DescribeSeverityLevels'],
  remediation: {
    summary:
      'Subscribe production accounts to Business Support+ (or Enterprise On-Ramp / Enterprise), or document an action plan for issues that need AWS Support (Partner-Led Support counts).',
    console: 'Sign in as the root user or an admin > Support Center > Support plans > Change plan > Business Support+.',
    cli: 'aws support describe-severity-levels --region us-east-1   # SubscriptionRequiredException = Basic or Developer plan',
    docs: 'https://aws.amazon.com/premiumsupport/plans/',
  },
  evaluate: (snapshot) =>
    forEachAccount(snapshot, 'support', (slice, account) => {
      const ref = accountRef(account);
      if (!slice.plan.ok) return [unknown(ref, slice.plan.error)];
      const plan = slice.plan.value;
      const evidence = { tier: plan.tier, severityLevels: plan.severityLevels };
      switch (plan.tier) {
        case 'basic-or-developer':
          return [
            fail(
              ref,
              `Account ${account.accountId} is on the Basic or Developer support plan (the Support API requires a subscription); upgrade or document an action plan.`,
              evidence,
            ),
          ];
        case 'business-or-higher':
          return [pass(ref, `Account ${account.accountId} has Business support or higher.`, evidence)];
        case 'enterprise':
          return [pass(ref, `Account ${account.accountId} has Enterprise (or Enterprise On-Ramp) support.`, evidence)];
      }
    }),
});
