import { describe, expect, it } from 'vitest';
import { aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import type { Observed } from '../../core/observed.js';
import type { SupportPlan, SupportSlice } from '../../core/slices/support.js';
import { supportBusinessPlanEnabled } from './support-business-plan-enabled.js';

const snap = (plan: Observed<SupportPlan>, slice?: Observed<SupportSlice>) =>
  aSnapshot({ accounts: [anAccount({ global: { support: slice ?? observed({ plan }) } })] });
const plan = (tier: SupportPlan['tier'], severityLevels: string[] = []) => observed<SupportPlan>({ tier, severityLevels, region: 'us-east-1' });

const cases: [string, ReturnType<typeof snap>, string][] = [
  ['business', snap(plan('business-or-higher', ['low', 'normal', 'high', 'urgent'])), 'PASS'],
  ['enterprise', snap(plan('enterprise', ['low', 'normal', 'high', 'urgent', 'critical'])), 'PASS'],
  ['basic or developer', snap(plan('basic-or-developer')), 'FAIL'],
  ['access denied', snap(denied('support', 'DescribeSeverityLevels')), 'UNKNOWN'],
  ['emulator 500', snap(denied('support', 'DescribeSeverityLevels', 'unsupported')), 'UNKNOWN'],
  ['collector did not run', aSnapshot({ accounts: [anAccount()] }), 'UNKNOWN'],
];

describe('support_business_plan_enabled', () => {
  it.each(cases)('%s => %s', (_label, snapshot, status) => {
    expect(supportBusinessPlanEnabled.evaluate(snapshot).map((o) => o.status)).toEqual([status]);
  });

  it('mentions the action-plan alternative on FAIL', () => {
    const [outcome] = supportBusinessPlanEnabled.evaluate(snap(plan('basic-or-developer')));
    expect(outcome?.message).toContain('action plan');
  });
});
