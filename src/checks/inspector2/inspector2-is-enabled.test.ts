import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import type { Inspector2AccountStatus } from '../../core/slices/inspector2.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { inspector2IsEnabled as check } from './inspector2-is-enabled.js';

const status = (s: string, ec2: string | null = 'ENABLED'): Inspector2AccountStatus => ({ status: s, ec2, ecr: 'DISABLED', lambda: null, lambdaCode: null });
const run = (account: Observed<Inspector2AccountStatus>) =>
  check.evaluate(aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', { inspector2: observed({ account }) })] })] }));

describe('inspector2_is_enabled', () => {
  it.each([
    ['enabled, EC2 scanning', observed(status('ENABLED')), 'PASS'],
    ['enabled, no resource type scanned', observed(status('ENABLED', 'DISABLED')), 'FAIL'],
    ['disabled', observed(status('DISABLED', 'DISABLED')), 'FAIL'],
    ['suspended', observed(status('SUSPENDED')), 'FAIL'],
    ['denied', denied('inspector2', 'BatchGetAccountStatus'), 'UNKNOWN'],
  ])('%s -> %s', (_label, account, expected) => {
    const outcomes = run(account);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.status).toBe(expected);
  });

  it('names the scanned resource types', () => {
    expect(run(observed(status('ENABLED')))[0]?.message).toContain('scanning ec2');
  });
});
