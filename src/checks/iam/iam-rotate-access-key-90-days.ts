import { defineCheck, fail, pass, unknown } from '../../core/check.js';
import { activeKeys, daysBefore, forEachUserWithActiveKeys, userRef } from './iam-helpers.js';

export const KEY_ROTATION_MAX_DAYS = 90;

/**
 * IAM-002: active IAM user access keys were rotated within 90 days (credential report
 * `access_key_N_last_rotated`). One outcome per user with at least one active key.
 */
export const iamRotateAccessKey90Days = defineCheck({
  id: 'iam_rotate_access_key_90_days',
  title: 'Active IAM user access keys are rotated within 90 days',
  service: 'iam',
  resourceType: 'AWS::IAM::User',
  severity: 'medium',
  reads: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
  remediation: {
    summary:
      'Rotate access keys at least every 90 days (create a second key, switch the workload, deactivate and delete the old one), or replace them with an IAM role.',
    console: 'IAM > Users > <user> > Security credentials > Access keys > Create access key; then Deactivate and Delete the old key.',
    cli: 'aws iam create-access-key --user-name <user>\naws iam update-access-key --user-name <user> --access-key-id <old-key-id> --status Inactive\naws iam delete-access-key --user-name <user> --access-key-id <old-key-id>',
    docs: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console',
  },
  evaluate: (snapshot) =>
    forEachUserWithActiveKeys(snapshot, (u, account) => {
      const keys = activeKeys(u).map((k) => {
        const rotated = k.lastRotated ?? u.userCreationTime;
        return { slot: k.slot, lastRotated: rotated, ageDays: rotated === null ? null : daysBefore(snapshot, rotated) };
      });
      const ref = userRef(account.accountId, u);
      const old = keys.filter((k) => k.ageDays !== null && k.ageDays > KEY_ROTATION_MAX_DAYS);
      if (old.length > 0) {
        const list = old.map((k) => `key ${k.slot} (${k.ageDays} days)`).join(', ');
        return fail(ref, `IAM user ${u.user} has active access keys older than ${KEY_ROTATION_MAX_DAYS} days: ${list}.`, { keys });
      }
      if (keys.some((k) => k.ageDays === null)) {
        return unknown(ref, `The credential report gives no rotation date for an active key of IAM user ${u.user}.`, { keys });
      }
      return pass(ref, `The active access keys of IAM user ${u.user} were rotated within ${KEY_ROTATION_MAX_DAYS} days.`, { keys });
    }),
});
