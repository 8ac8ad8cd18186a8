/**
 * Human names of the scanned accounts for the report: the Organizations account name (ListAccounts, kept on
 * the account by the scan or in the Organization's account list), else the account's IAM alias
 * (iam:ListAccountAliases). An account with neither has no entry: the report then shows the id alone.
 */
import type { AccountName } from '../core/assessment.js';
import type { Snapshot } from '../core/snapshot.js';

export function buildAccountNames(snapshot: Snapshot): AccountName[] {
  const org = snapshot.organization.ok ? snapshot.organization.value : null;
  const orgNames = new Map(org?.accounts.ok ? org.accounts.value.map((a) => [a.id, a.name]) : []);
  const names: AccountName[] = [];
  for (const account of snapshot.accounts) {
    const orgName = account.name?.trim() || orgNames.get(account.accountId)?.trim();
    if (orgName) {
      names.push({ accountId: account.accountId, name: orgName, source: 'organizations' });
      continue;
    }
    const iam = account.global.iam;
    const alias = iam?.ok ? iam.value.accountAlias : undefined;
    if (alias?.ok && alias.value) names.push({ accountId: account.accountId, name: alias.value, source: 'iam-alias' });
  }
  return names;
}
