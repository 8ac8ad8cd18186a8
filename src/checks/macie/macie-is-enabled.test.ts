import { describe, expect, it } from 'vitest';
import type { MacieSlice } from '../../core/slices/macie.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { macieIsEnabled as check } from './macie-is-enabled.js';

const session = (status: string) => observed({ status, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: null });
const run = (slice: MacieSlice) =>
  check.evaluate(aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', { macie: observed(slice) })] })] }));

describe('macie_is_enabled', () => {
  it.each([
    ['enabled', { session: session('ENABLED'), classificationJobs: observed([]), automatedDiscoveryStatus: observed('ENABLED') }, 'PASS'],
    ['enabled, jobs unreadable', { session: session('ENABLED'), classificationJobs: denied('macie', 'ListClassificationJobs'), automatedDiscoveryStatus: observed(null) }, 'PASS'],
    ['paused', { session: session('PAUSED'), classificationJobs: observed([]), automatedDiscoveryStatus: observed('DISABLED') }, 'FAIL'],
    ['not enabled', { session: observed(null), classificationJobs: observed(null), automatedDiscoveryStatus: observed(null) }, 'FAIL'],
    ['GetMacieSession denied', { session: denied('macie', 'GetMacieSession'), classificationJobs: denied('macie', 'GetMacieSession'), automatedDiscoveryStatus: denied('macie', 'GetMacieSession') }, 'UNKNOWN'],
  ] as [string, MacieSlice, string][])('%s -> %s', (_label, slice, status) => {
    const outcomes = run(slice);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.status).toBe(status);
  });

  it('mentions automated discovery when it is on', () => {
    const [outcome] = run({ session: session('ENABLED'), classificationJobs: observed([]), automatedDiscoveryStatus: observed('ENABLED') });
    expect(outcome?.message).toContain('automated sensitive data discovery on');
    expect(outcome?.evidence).toEqual({ status: 'ENABLED', classificationJobs: 0, automatedDiscovery: 'ENABLED' });
  });
});
