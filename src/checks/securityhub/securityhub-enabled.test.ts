import { describe, expect, it } from 'vitest';
import type { SecurityHubSlice } from '../../core/slices/securityhub.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { securityhubEnabled as check } from './securityhub-enabled.js';

const HUB = { hubArn: 'arn:aws:securityhub:eu-west-1:111111111111:hub/default', subscribedAt: '2026-01-01T00:00:00.000Z', autoEnableControls: true };
const FSBP = 'arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0';
const run = (slice: SecurityHubSlice) =>
  check.evaluate(aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', { securityhub: observed(slice) })] })] }));

describe('securityhub_enabled', () => {
  it.each([
    ['hub with a standard', { hub: observed(HUB), enabledStandards: observed([{ standardsArn: FSBP, status: 'READY' }]) }, 'PASS'],
    ['hub, standards unreadable (moto 404)', { hub: observed(HUB), enabledStandards: denied('securityhub', 'GetEnabledStandards', 'unsupported') }, 'PASS'],
    ['not subscribed', { hub: observed(null), enabledStandards: observed(null) }, 'FAIL'],
    ['DescribeHub denied', { hub: denied('securityhub', 'DescribeHub'), enabledStandards: observed(null) }, 'UNKNOWN'],
  ] as [string, SecurityHubSlice, string][])('%s -> %s', (_label, slice, status) => {
    const outcomes = run(slice);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]?.status).toBe(status);
  });

  it('says when no standard is enabled and lists the standards as evidence', () => {
    expect(run({ hub: observed(HUB), enabledStandards: observed([]) })[0]?.message).toContain('no security standard enabled');
    expect(run({ hub: observed(HUB), enabledStandards: observed([{ standardsArn: FSBP, status: 'READY' }]) })[0]?.evidence).toMatchObject({
      standards: [{ standard: 'standards/aws-foundational-security-best-practices/v/1.0.0', status: 'READY' }],
    });
  });
});
