import { defineCheck, fail, pass, unknown } from '../../core/check.js';
import { activeKeys, daysBefore, forEachUserWithActiveKeys, userRef } from './iam-helpers.js';

/** CIS 1.12 / Prowler default: credentials unused for 45 days or more are disabled. */
export const KEY_UNUSED_MAX_DAYS = 45;

/**
 * IAM-002 / IAM-007: no active access key has gone unused for 45 days or more. A key never used counts
 * from its creation (`last_rotated`), so a key created yesterday is not flagged. One outcome per user
 * with at least one active key.
 */
export const iamUserAccesskeyUnused = defineCheck({
  id: 'iam_user_accesskey_unused',
  title: 'Active IAM user access keys have been used in the last 45 days',
  service: 'iam',
  resourceType: 'AWS::IAM::User',
  severity: 'medium',
  reads: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
  remediation: {
    summary: 'Deactivate, then delete, access keys that nobody used for 45 days; unused keys are pure risk.',
    console: 'IAM > Users > <user> > Security credentials > Access keys > Actions > Deactivate (then Delete once nothing breaks).',
    cli: 'aws iam update-access-key --user-name <user> --access-key-id <key-id> --status Inactive\naws iam delete-access-key --user-name <user> --access-key-id <key-id>',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html',
  },
  evaluate: (snapshot) =>
    forEachUserWithActiveKeys(snapshot, (u, account) => {
      const keys = activeKeys(u).map((k) => {
        const since = k.lastUsed ?? k.lastRotated ?? u.userCreationTime;
        return { slot: k.slot, lastUsed: k.lastUsed, lastRotated: k.lastRotated, idleDays: since === null ? null : daysBefore(snapshot, since) };
      });
      const ref = userRef(account.accountId, u);
      const stale = keys.filter((k) => k.idleDays !== null && k.idleDays >= KEY_UNUSED_MAX_DAYS);
      if (stale.length > 0) {
        const list = stale.map((k) => `key ${k.slot} (${k.lastUsed === null ? 'never used' : `idle ${k.idleDays} days`})`).join(', ');
        return fail(ref, `IAM user ${u.user} has active access keys unused for ${KEY_UNUSED_MAX_DAYS}+ days: ${list}.`, { keys });
      }
      if (keys.some((k) => k.idleDays === null)) {
        return unknown(ref, `The credential report gives no usage or creation date for an active key of IAM user ${u.user}.`, { keys });
      }
      return pass(ref, `Every active access key of IAM user ${u.user} was used in the last ${KEY_UNUSED_MAX_DAYS} days.`, { keys });
    }),
});
