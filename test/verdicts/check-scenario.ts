/**
 * What every corpus scenario asserts, beyond its verdict:
 * - the reason is one line and contains the scenario's `reason` text;
 * - `alternative`: an evidence check of the item really fails (the attested way is another one);
 * - `not-met` caused by a required check: attesting "yes" with evidence does not change it;
 * - `unknown`: attesting "yes" with evidence does not change it either, and the reason says what to grant.
 * Failures print the item's verdict, reason and per-check outcomes.
 */
import { expect } from 'vitest';
import type { ItemResult, ItemVerdict } from '../../src/core/assessment.js';
import { attest, expectedVerdict, runScenario, type Scenario } from './scenario.js';

/** The parts of an item result a failing assertion should show. */
function shown(result: ItemResult) {
  return {
    verdict: result.verdict,
    reason: result.reason,
    checks: (result.checks ?? []).map((c) => `${c.checkId} ${c.role} ${c.outcome}`),
  };
}

/** Runs the scenario, asserts everything above, and returns the verdict it reached. */
export function checkScenario(scenario: Scenario): ItemVerdict {
  const result = runScenario(scenario);
  const view = shown(result);
  expect(view).toMatchObject({ verdict: expectedVerdict(scenario.kind) });
  expect(result.reason).not.toMatch(/[\r\n]/);
  if (scenario.reason !== undefined) {
    expect(view).toMatchObject({ reason: typeof scenario.reason === 'string' ? expect.stringContaining(scenario.reason) : expect.stringMatching(scenario.reason) });
  }
  if (scenario.kind === 'alternative') {
    // An alternative-route scenario needs a failing evidence check.
    expect(view.checks.some((c) => / evidence fail$/.test(c))).toBe(true);
  }
  if (scenario.kind === 'unknown') expect(view).toMatchObject({ reason: expect.stringContaining('Grant the read') });
  const requiredFails = view.checks.some((c) => / required fail$/.test(c));
  if ((scenario.kind === 'not-met' && requiredFails) || scenario.kind === 'unknown') {
    // An attestation must not override it.
    expect(shown(runScenario(scenario, attest(scenario.item, 'yes')))).toMatchObject({ verdict: result.verdict });
  }
  return result.verdict;
}
