/**
 * What every corpus scenario asserts, beyond its verdict:
 * - the reason is one line and contains the scenario's `reason` text;
 * - `alternative`: an evidence check of the item really fails (the attested way is another one);
 * - `not-met` caused by a required check: attesting "yes" with evidence does not change it;
 * - `unknown`: attesting "yes" with evidence does not change it either, and the reason says what to grant.
 */
import { expect } from 'vitest';
import type { ItemResult } from '../../src/core/assessment.js';
import { attest, expectedVerdict, runScenario, type Scenario } from './scenario.js';

function explain(result: ItemResult): string {
  return `${result.itemId} ${result.verdict}: ${result.reason}\n  checks: ${(result.checks ?? []).map((c) => `${c.checkId} ${c.role} ${c.outcome}`).join('; ')}`;
}

export function checkScenario(scenario: Scenario): void {
  const result = runScenario(scenario);
  expect(result.verdict, explain(result)).toBe(expectedVerdict(scenario.kind));
  expect(result.reason).not.toMatch(/[\r\n]/);
  if (scenario.reason !== undefined) {
    if (typeof scenario.reason === 'string') expect(result.reason, explain(result)).toContain(scenario.reason);
    else expect(result.reason, explain(result)).toMatch(scenario.reason);
  }
  if (scenario.kind === 'alternative') {
    const failing = (result.checks ?? []).filter((c) => c.role === 'evidence' && c.outcome === 'fail');
    expect(failing.length, `an alternative-route scenario needs a failing evidence check\n${explain(result)}`).toBeGreaterThan(0);
  }
  if (scenario.kind === 'unknown') expect(result.reason, explain(result)).toContain('Grant the read');
  const requiredFails = (result.checks ?? []).some((c) => c.role === 'required' && c.outcome === 'fail');
  if ((scenario.kind === 'not-met' && requiredFails) || scenario.kind === 'unknown') {
    const attested = runScenario(scenario, attest(scenario.item, 'yes'));
    expect(attested.verdict, `an attestation must not override it\n${explain(attested)}`).toBe(result.verdict);
  }
}
