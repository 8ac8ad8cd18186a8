import { accountRef, defineCheck, fail, forEachAccount, pass, unknown } from '../../core/check.js';
import { ALTERNATE_CONTACT_TYPES } from '../../core/slices/account.js';

/**
 * ACOM-001: the billing, operations and security alternate contacts are set. A contact that is not set
 * (ResourceNotFoundException) FAILs, naming it, even if another contact could not be read; all set => PASS;
 * otherwise the unreadable contacts make it UNKNOWN.
 */
export const accountAlternateContactsConfigured = defineCheck({
  id: 'account_alternate_contacts_configured',
  title: 'Billing, operations and security alternate contacts are set',
  service: 'account',
  resourceType: 'AWS::::Account',
  severity: 'medium',
  reads: ['account:GetAlternateContact'],
  remediation: {
    summary: 'Set the billing, operations and security alternate contacts to company group mailboxes so AWS can reach the right team.',
    console: 'Account (top-right menu) > Account > Alternate contacts > Edit; for every account of an organization: AWS Organizations > AWS accounts > <account> > Contacts.',
    cli: 'aws account put-alternate-contact --alternate-contact-type SECURITY --email-address security@<company-domain> --name "Security team" --phone-number "<phone>" --title "Security"   # repeat for BILLING and OPERATIONS; add --account-id <member> from the management account',
    iac: 'resource "aws_account_alternate_contact" "security" {\n  alternate_contact_type = "SECURITY"\n  name                   = "Security team"\n  title                  = "Security"\n  email_address          = "security@example.com"\n  phone_number           = "+1 555 0100"\n}',
    docs: 'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html',
  },
  evaluate: (snapshot) =>
    forEachAccount(snapshot, 'account', (slice, account) => {
      const ref = accountRef(account);
      const state = ALTERNATE_CONTACT_TYPES.map((type) => {
        const c = slice.alternateContacts[type];
        return { type, status: !c.ok ? ('unreadable' as const) : c.value === null ? ('missing' as const) : ('set' as const) };
      });
      const evidence = Object.fromEntries(state.map((s) => [s.type, s.status]));
      const missing = state.filter((s) => s.status === 'missing').map((s) => s.type);
      if (missing.length > 0) {
        return [fail(ref, `Account ${account.accountId} has no ${missing.join(', ')} alternate contact.`, { contacts: evidence, missing })];
      }
      for (const type of ALTERNATE_CONTACT_TYPES) {
        const c = slice.alternateContacts[type];
        if (!c.ok) return [unknown(ref, c.error, { contacts: evidence })];
      }
      return [pass(ref, `Account ${account.accountId} has billing, operations and security alternate contacts.`, { contacts: evidence })];
    }),
});
