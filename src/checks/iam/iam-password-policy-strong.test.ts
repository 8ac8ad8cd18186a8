import { describe, expect, it } from 'vitest';
import { anIamSlice, iamSnapshot } from '../../../test/helpers/identity-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Snapshot } from '../../core/snapshot.js';
import type { PasswordPolicy } from '../../core/slices/iam.js';
import { iamPasswordPolicyStrong } from './iam-password-policy-strong.js';

const STRONG: PasswordPolicy = {
  minimumPasswordLength: 14,
  requireSymbols: true,
  requireNumbers: true,
  requireUppercaseCharacters: true,
  requireLowercaseCharacters: true,
  allowUsersToChangePassword: true,
  expirePasswords: true,
  maxPasswordAge: 90,
  passwordReusePrevention: 24,
  hardExpiry: false,
};
const withPolicy = (p: PasswordPolicy | null) => iamSnapshot(anIamSlice({ passwordPolicy: observed(p) }));

const cases: [string, Snapshot, string][] = [
  ['strong policy', withPolicy(STRONG), 'PASS'],
  ['short passwords', withPolicy({ ...STRONG, minimumPasswordLength: 8 }), 'FAIL'],
  ['no expiry', withPolicy({ ...STRONG, maxPasswordAge: null, expirePasswords: false }), 'FAIL'],
  ['reuse 5', withPolicy({ ...STRONG, passwordReusePrevention: 5 }), 'FAIL'],
  ['no policy', withPolicy(null), 'FAIL'],
  ['policy denied', iamSnapshot(anIamSlice({ passwordPolicy: denied('iam', 'GetAccountPasswordPolicy') })), 'UNKNOWN'],
];

describe('iam_password_policy_strong', () => {
  it.each(cases)('%s => %s', (_label, snapshot, status) => {
    expect(iamPasswordPolicyStrong.evaluate(snapshot).map((o) => o.status)).toEqual([status]);
  });

  it('names every unmet criterion and lists each one in the evidence', () => {
    const [outcome] = iamPasswordPolicyStrong.evaluate(withPolicy({ ...STRONG, minimumPasswordLength: 8, requireSymbols: false }));
    expect(outcome?.message).toContain('minimum length >= 14');
    expect(outcome?.message).toContain('requires symbols');
    expect(outcome?.evidence.unmet).toEqual(['minimum length >= 14', 'requires symbols']);
    expect(Object.keys(outcome?.evidence.criteria as object)).toHaveLength(7);
  });
});
