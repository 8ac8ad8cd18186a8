import { accountRef, defineCheck, fail, forEachAccount, manual, unknown } from '../../core/check.js';
import type { CollectionError } from '../../core/observed.js';
import type { Snapshot } from '../../core/snapshot.js';
import { ALTERNATE_CONTACT_TYPES } from '../../core/slices/account.js';

/** Consumer mailbox providers: an address there is personal, not a company group mailbox. */
const FREE_MAIL_EXACT = new Set([
  'gmail.com', 'googlemail.com', 'ymail.com', 'rocketmail.com', 'msn.com', 'aol.com', 'icloud.com', 'me.com', 'mac.com',
  'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me', 'web.de', 'mail.com', 'zoho.com', 'qq.com', '163.com', '126.com',
  'mail.ru', 'tutanota.com', 'tuta.io', 'fastmail.com', 'hey.com', 'naver.com', 'inbox.com', 'yopmail.com',
]);
/** Providers with country variants: yahoo.co.uk, hotmail.fr, outlook.de, live.com.au, gmx.net, yandex.ru ... */
const FREE_MAIL_PREFIX = /^(yahoo|hotmail|outlook|live|gmx|yandex|aim|libero|orange|free)\.[a-z.]+$/;

export function isFreeMailDomain(domain: string): boolean {
  const d = domain.toLowerCase();
  return FREE_MAIL_EXACT.has(d) || FREE_MAIL_PREFIX.test(d);
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** The root email of the account, when the organization's account list is visible. */
function rootEmail(snapshot: Snapshot, accountId: string): string | null {
  const org = snapshot.organization;
  if (!org.ok || org.value === null || !org.value.accounts.ok) return null;
  return org.value.accounts.value.find((a) => a.id === accountId)?.email ?? null;
}

/**
 * ACOM-002: contact details are company-owned. A domain heuristic can only ever disprove it:
 * - any alternate contact (or the root email, when the organization's account list shows it) on a
 *   free-mail domain (gmail.com, yahoo.*, outlook.com, hotmail.*, ...) => FAIL;
 * - otherwise MANUAL "confirm these are company group mailboxes", with the domains found. Never PASS;
 * - nothing readable at all => UNKNOWN.
 */
export const accountContactsCompanyOwned = defineCheck({
  id: 'account_contacts_company_owned',
  title: 'Account contact details use company-owned addresses',
  service: 'account',
  resourceType: 'AWS::::Account',
  severity: 'low',
  reads: ['account:GetAlternateContact', 'account:GetContactInformation', 'organizations:ListAccounts'],
  remediation: {
    summary:
      'Use company-owned group mailboxes (e.g. aws-security@<company-domain>) and company phone numbers for the root email, primary contact and alternate contacts, never personal or free-mail addresses.',
    console: 'Account > Contact information > Edit, and Account > Alternate contacts > Edit; the root email: Account > Account settings > Edit (as root).',
    cli: 'aws account put-alternate-contact --alternate-contact-type <BILLING|OPERATIONS|SECURITY> --email-address <group-mailbox>@<company-domain> --name "<team>" --phone-number "<company-phone>" --title "<title>"',
    docs: 'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact.html',
  },
  evaluate: (snapshot) =>
    forEachAccount(snapshot, 'account', (slice, account) => {
      const ref = accountRef(account);
      const emails: { source: string; email: string }[] = [];
      let firstError: CollectionError | null = null;
      for (const type of ALTERNATE_CONTACT_TYPES) {
        const c = slice.alternateContacts[type];
        if (!c.ok) firstError ??= c.error;
        else if (c.value?.emailAddress) emails.push({ source: `${type} alternate contact`, email: c.value.emailAddress });
      }
      const root = rootEmail(snapshot, account.accountId);
      if (root !== null) emails.push({ source: 'root user email', email: root });
      const info = slice.contactInformation.ok ? slice.contactInformation.value : null;
      const evidence = {
        emails,
        domains: [...new Set(emails.map((e) => domainOf(e.email)))],
        primaryContact: info ? { companyName: info.companyName, websiteUrl: info.websiteUrl } : null,
      };
      const personal = emails.filter((e) => isFreeMailDomain(domainOf(e.email)));
      if (personal.length > 0) {
        const list = personal.map((e) => `${e.source} ${e.email}`).join(', ');
        return [fail(ref, `Account ${account.accountId} uses free-mail addresses for contacts: ${list}.`, evidence)];
      }
      if (emails.length === 0 && firstError !== null) return [unknown(ref, firstError, evidence)];
      if (emails.length === 0) {
        return [
          manual(
            ref,
            `Account ${account.accountId} has no alternate contact email to assess; confirm the root email and primary contact are company-owned.`,
            evidence,
          ),
        ];
      }
      return [
        manual(
          ref,
          `Contacts of account ${account.accountId} use ${evidence.domains.join(', ')}; confirm these are company group mailboxes and the root email and phone numbers are company-owned.`,
          evidence,
        ),
      ];
    }),
});
