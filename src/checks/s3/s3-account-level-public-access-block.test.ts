import { describe, expect, it } from 'vitest';
import { ALL_OFF, ALL_ON, s3Snapshot } from '../../../test/helpers/storage-fixtures.js';
import { aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Observed } from '../../core/observed.js';
import type { PublicAccessBlock } from '../../core/slices/s3.js';
import { s3AccountLevelPublicAccessBlock } from './s3-account-level-public-access-block.js';

describe('s3_account_level_public_access_block', () => {
  it.each<[string, Observed<PublicAccessBlock | null>, string]>([
    ['all four on', observed(ALL_ON), 'PASS'],
    ['one switch off', observed({ ...ALL_ON, restrictPublicBuckets: false }), 'FAIL'],
    ['all off', observed(ALL_OFF), 'FAIL'],
    ['never configured', observed(null), 'FAIL'],
    ['denied', denied('s3control', 'GetPublicAccessBlock'), 'UNKNOWN'],
  ])('%s => %s', (_name, pab, status) => {
    const [outcome, ...rest] = s3AccountLevelPublicAccessBlock.evaluate(s3Snapshot([], pab));
    expect(rest).toEqual([]);
    expect(outcome).toMatchObject({ status, resourceType: 'AWS::::Account', accountId: '111111111111', region: null });
  });

  it('names the switches that are off', () => {
    const [outcome] = s3AccountLevelPublicAccessBlock.evaluate(s3Snapshot([], observed({ ...ALL_ON, ignorePublicAcls: false })));
    expect(outcome?.message).toContain('IgnorePublicAcls');
  });

  it('is UNKNOWN when the s3 collector did not run', () => {
    const [outcome] = s3AccountLevelPublicAccessBlock.evaluate(aSnapshot({ accounts: [anAccount()] }));
    expect(outcome?.status).toBe('UNKNOWN');
  });
});
