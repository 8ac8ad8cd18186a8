import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import type { AccessAnalyzer } from '../../core/slices/accessanalyzer.js';
import type { AccountSnapshot, Snapshot } from '../../core/snapshot.js';
import { anOrganization } from '../../../test/helpers/identity-fixtures.js';
import { ACCOUNT_A, ACCOUNT_B, aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { accessanalyzerEnabled as check } from './accessanalyzer-enabled.js';

const analyzer = (type: string, status = 'ACTIVE'): AccessAnalyzer => ({
  name: `aa-${type.toLowerCase()}`, arn: `arn:aa:${type}`, type, status, statusReason: null, createdAt: null, lastResourceAnalyzedAt: null,
});
const MANAGEMENT = '999999999999';
const inOrg = { organization: observed(anOrganization({ managementAccountId: MANAGEMENT })) };
const orgAnalyzer = (owner: string): AccessAnalyzer => ({ ...analyzer('ORGANIZATION'), name: 'org-external', arn: `arn:aws:access-analyzer:eu-west-1:${owner}:analyzer/org-external` });
/** A scanned account with the given analyzers in eu-west-1 and, for the management account, its delegated administrators. */
const scanned = (accountId: string, analyzers: AccessAnalyzer[], delegated?: readonly string[] | null): AccountSnapshot =>
  anAccount({
    accountId,
    regional: [aRegion('eu-west-1', { accessanalyzer: observed({ analyzers: observed(analyzers) }) })],
    global: delegated === undefined ? {} : { organizations: observed({ accessAnalyzerDelegatedAdministrators: observed(delegated) }) },
  });
const statusOf = (accounts: AccountSnapshot[], accountId: string, overrides: Pick<Snapshot, 'organization'> = inOrg) =>
  check.evaluate(aSnapshot({ accounts, ...overrides })).find((o) => o.accountId === accountId)?.status;

const run = (analyzers: Observed<readonly AccessAnalyzer[]>) =>
  check.evaluate(aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', { accessanalyzer: observed({ analyzers }) })] })] }));

describe('accessanalyzer_enabled', () => {
  it.each([
    ['active account analyzer', observed([analyzer('ACCOUNT')]), 'PASS'],
    ['active organization analyzer', observed([analyzer('ORGANIZATION')]), 'PASS'],
    ['only an unused-access analyzer', observed([analyzer('ACCOUNT_UNUSED_ACCESS')]), 'FAIL'],
    ['failed account analyzer', observed([analyzer('ACCOUNT', 'FAILED')]), 'FAIL'],
    ['no analyzer', observed([]), 'FAIL'],
    ['denied', denied('accessanalyzer', 'ListAnalyzers'), 'UNKNOWN'],
  ])('%s -> %s', (_label, analyzers, status) => {
    const outcomes = run(analyzers);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ status, resourceType: 'AWS::::Region' });
  });

  // issue 7 §1: an organization analyzer in the delegated-admin (or management) account covers members.
  it('PASSes a member covered by the organization analyzer of the delegated administrator', () => {
    const accounts = [scanned(MANAGEMENT, [], [ACCOUNT_B]), scanned(ACCOUNT_B, [orgAnalyzer(ACCOUNT_B)]), scanned(ACCOUNT_A, [])];
    const [outcome] = check.evaluate(aSnapshot({ accounts, ...inOrg })).filter((o) => o.accountId === ACCOUNT_A);
    expect(outcome).toMatchObject({ status: 'PASS' });
    expect(outcome?.message).toContain(ACCOUNT_B);
  });

  it('PASSes a member covered by an organization analyzer of the management account', () => {
    expect(statusOf([scanned(MANAGEMENT, [orgAnalyzer(MANAGEMENT)], []), scanned(ACCOUNT_A, [])], ACCOUNT_A)).toBe('PASS');
  });

  it('is MANUAL for a member scanned alone: an organization analyzer elsewhere may cover it', () => {
    expect(statusOf([scanned(ACCOUNT_A, [])], ACCOUNT_A)).toBe('MANUAL');
  });

  it('is MANUAL when the delegated administrator was not scanned', () => {
    expect(statusOf([scanned(MANAGEMENT, [], [ACCOUNT_B]), scanned(ACCOUNT_A, [])], ACCOUNT_A)).toBe('MANUAL');
  });

  it('FAILs when the management account and every delegated administrator were scanned without one', () => {
    expect(statusOf([scanned(MANAGEMENT, [], [ACCOUNT_B]), scanned(ACCOUNT_B, [analyzer('ACCOUNT')]), scanned(ACCOUNT_A, [])], ACCOUNT_A)).toBe('FAIL');
  });

  it('is MANUAL when the organization could not be read', () => {
    expect(statusOf([scanned(ACCOUNT_A, [])], ACCOUNT_A, { organization: denied('organizations', 'DescribeOrganization') })).toBe('MANUAL');
  });

  it('FAILs an account outside any organization', () => {
    expect(statusOf([scanned(ACCOUNT_A, [])], ACCOUNT_A, { organization: observed(null) })).toBe('FAIL');
  });
});
