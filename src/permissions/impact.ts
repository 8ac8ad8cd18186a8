/**
 * What a lost read costs the assessment, derived from the code rather than written by hand: a check whose
 * `reads` include an unreadable action gives UNKNOWN where the read failed, and the catalog items that
 * reference that check can then be UNKNOWN (unless a FAIL elsewhere already makes them NOT_MET).
 */
import { ALL_CHECKS } from '../checks/index.js';
import type { Framework } from '../core/framework.js';

export interface AssessmentImpact {
  readonly checkIds: readonly string[];
  readonly itemIds: readonly string[];
}

/** The items of `framework` that any check evidences (everything an unreachable account costs). */
export function automatedItemIds(framework: Framework): string[] {
  return framework.items.filter((i) => !i.notPresentInSource && i.checks.some((c) => c.role !== 'advisory')).map((i) => i.id);
}

export function impactOfUnreadableActions(framework: Framework, actions: readonly string[]): AssessmentImpact {
  const lost = new Set(actions);
  const checkIds = ALL_CHECKS.filter((c) => c.reads.some((a) => lost.has(a))).map((c) => c.id);
  const affected = new Set(checkIds);
  // Advisory checks never decide an item, so losing one costs no verdict.
  const itemIds = framework.items
    .filter((i) => !i.notPresentInSource && i.checks.some((c) => c.role !== 'advisory' && affected.has(c.id)))
    .map((i) => i.id);
  return { checkIds: checkIds.sort(), itemIds };
}
