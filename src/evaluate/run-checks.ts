/**
 * Runs checks over a snapshot. A check that throws does not abort the evaluation: it yields one UNKNOWN
 * finding flagged as a bug, so the report shows the gap instead of hiding it.
 */
import type { CheckDefinition } from '../core/check.js';
import type { CheckOutcome } from '../core/finding.js';
import type { Snapshot } from '../core/snapshot.js';

export interface CheckRun {
  readonly check: CheckDefinition;
  readonly outcomes: readonly CheckOutcome[];
}

export function runChecks(snapshot: Snapshot, checks: readonly CheckDefinition[]): CheckRun[] {
  return checks.map((check) => {
    try {
      return { check, outcomes: check.evaluate(snapshot) };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const crashed: CheckOutcome = {
        accountId: snapshot.principal.accountId,
        region: null,
        resourceType: 'ftr-ready::Check',
        resourceId: check.id,
        resourceArn: null,
        status: 'UNKNOWN',
        message: `The check ${check.id} crashed (a bug in ftr-ready, please report it): ${message}`,
        evidence: { bug: true },
      };
      return { check, outcomes: [crashed] };
    }
  });
}
