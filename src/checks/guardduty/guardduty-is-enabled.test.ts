import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import type { GuardDutyDetector } from '../../core/slices/guardduty.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { guarddutyIsEnabled as check } from './guardduty-is-enabled.js';

const detector = (status: string): GuardDutyDetector => ({
  id: 'd1',
  details: observed({ status, findingPublishingFrequency: 'SIX_HOURS', features: [{ name: 'RUNTIME_MONITORING', status: 'ENABLED', additionalConfiguration: [] }] }),
});
const run = (...regions: [string, Observed<readonly GuardDutyDetector[]>][]) =>
  check.evaluate(aSnapshot({ accounts: [anAccount({ regional: regions.map(([r, detectors]) => aRegion(r, { guardduty: observed({ detectors }) })) })] }));

describe('guardduty_is_enabled', () => {
  it.each([
    ['an enabled detector', observed([detector('ENABLED')]), 'PASS'],
    ['a suspended detector', observed([detector('DISABLED')]), 'FAIL'],
    ['no detector', observed([]), 'FAIL'],
    ['GetDetector denied', observed([{ id: 'd1', details: denied('guardduty', 'GetDetector') }]), 'UNKNOWN'],
    ['ListDetectors denied', denied('guardduty', 'ListDetectors'), 'UNKNOWN'],
  ])('%s -> %s', (_label, detectors, status) => {
    const outcomes = run(['eu-west-1', detectors]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ status, resourceType: 'AWS::::Region', region: 'eu-west-1' });
  });

  it('gives one outcome per scanned region, with the enabled features as evidence', () => {
    const outcomes = run(['eu-west-1', observed([detector('ENABLED')])], ['us-east-1', observed([])]);
    expect(outcomes.map((o) => [o.region, o.status])).toEqual([
      ['eu-west-1', 'PASS'],
      ['us-east-1', 'FAIL'],
    ]);
    expect(outcomes[0]?.evidence).toMatchObject({ enabledFeatures: ['RUNTIME_MONITORING'] });
  });
});
