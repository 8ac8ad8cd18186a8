/**
 * How one checklist item's verdict is decided from the findings of its checks, its attestation and the
 * gating answers. Order matters:
 *   1. not present in the source / delivery category / gating question answered "no"  -> NOT_APPLICABLE
 *   2. an automated FAIL that no active suppression covers                               -> NOT_MET
 *      (an attestation never overrides it; it is still shown)
 *   3. an attestation answering "no"                                                    -> NOT_MET
 *   4. "could not see" (UNKNOWN results)                                                -> UNKNOWN
 *   5. an auto item whose checks all pass, with nothing suppressed                     -> MET
 *   6. an expired attestation                                                           -> NEEDS_EVIDENCE
 *   7. an attestation answering "not-applicable"                                        -> NOT_APPLICABLE
 *   8. a "yes" attestation (with the documents the item asks for)                       -> MET, "on attestation"
 *   9. otherwise                                                                        -> NEEDS_EVIDENCE
 * Suppressed FAILs (accepted risk) keep counting as FAIL; they stop blocking the item, but the item then
 * needs an attestation to be MET and its reason names the accepted risk. Items without an attestation,
 * gate or suppression are decided exactly as before attestations existed.
 */
import type { ItemVerdict, StatusCounts } from '../core/assessment.js';
import type { DeliveryCategory, FrameworkItem } from '../core/framework.js';
import type { Finding } from '../core/finding.js';
import type { AttestationState, ItemContext } from './attestations.js';

export type { ItemContext } from './attestations.js';

export interface ItemDecision {
  readonly verdict: ItemVerdict;
  readonly reason: string;
}

export function emptyCounts(): StatusCounts {
  return { PASS: 0, FAIL: 0, MANUAL: 0, NOT_APPLICABLE: 0, UNKNOWN: 0 };
}

export function countStatuses(findings: readonly Finding[]): StatusCounts {
  const counts = emptyCounts();
  for (const f of findings) counts[f.status] += 1;
  return counts;
}

const DELIVERY_LABEL: Record<DeliveryCategory, string> = {
  'multi-tenant-saas': 'multi-tenant SaaS',
  'single-tenant-saas': 'single-tenant SaaS',
  'managed-service': 'managed service',
  'customer-deployed': 'customer-deployed',
};

export function deliveryLabel(delivery: DeliveryCategory): string {
  return DELIVERY_LABEL[delivery];
}

function failingChecks(findings: readonly Finding[], status: Finding['status']): string {
  const ids = [...new Set(findings.filter((f) => f.status === status).map((f) => f.checkId))];
  return ids.join(', ');
}

function who(state: AttestationState): string {
  const a = state.attestation;
  const reviewer = a.reviewer ? `, reviewed by ${a.reviewer}` : '';
  return `${a.owner} on ${a.date}${reviewer}`;
}

function acceptedRisk(suppressed: readonly Finding[]): string {
  if (suppressed.length === 0) return '';
  const parts = suppressed.slice(0, 3).map((f) => {
    const s = f.suppression;
    return `${f.checkId} on ${f.resourceId}: "${s?.justification ?? ''}" (${s?.owner ?? ''}, until ${s?.expires ?? ''})`;
  });
  const more = suppressed.length > 3 ? `; and ${suppressed.length - 3} more` : '';
  return ` Accepted risk: ${suppressed.length} failing result(s) suppressed and still counted as FAIL (${parts.join('; ')}${more}).`;
}

function expiryClause(state: AttestationState): string {
  return state.expires === null ? '' : ` expired on ${state.expires}`;
}

function ruleClause(state: AttestationState): string {
  return state.ruleMonths === null ? '' : ` (the checklist asks for evidence from the last ${state.ruleMonths} months)`;
}

export function decideItem(
  item: FrameworkItem,
  findings: readonly Finding[],
  delivery: DeliveryCategory,
  context: ItemContext = {},
): ItemDecision {
  if (item.notPresentInSource) {
    return { verdict: 'NOT_APPLICABLE', reason: `Item ${item.id} is not present in the source checklist; shown so it is not silently skipped.` };
  }
  if (!item.appliesTo.includes(delivery)) {
    return { verdict: 'NOT_APPLICABLE', reason: `Does not apply to ${DELIVERY_LABEL[delivery]} solutions (delivery category).` };
  }
  const gate = context.gate ?? null;
  if (gate?.answer?.answer === 'no') {
    const g = gate.answer;
    return {
      verdict: 'NOT_APPLICABLE',
      reason: `Not applicable: gating question ${gate.questionId} ("${gate.question}") answered "no" by ${g.owner} on ${g.date}: ${g.justification}`,
    };
  }
  const state = context.attestation ?? null;
  const counts = countStatuses(findings);
  const openFails = findings.filter((f) => f.status === 'FAIL' && !f.suppression);
  const suppressedFails = findings.filter((f) => f.status === 'FAIL' && f.suppression);
  const risk = acceptedRisk(suppressedFails);
  const gateNote = gate && gate.answer === null ? ` Gating question ${gate.questionId} is not answered yet.` : '';

  if (openFails.length > 0) {
    const base = `${openFails.length} failing result(s) from ${failingChecks(openFails, 'FAIL')}; fix them before submission.`;
    const attNote = state
      ? ` The attestation (answer "${state.attestation.answer}" by ${who(state)}) is shown but does not override automated failures.`
      : '';
    return { verdict: 'NOT_MET', reason: `${base}${attNote}${risk}` };
  }
  if (state?.attestation.answer === 'no') {
    return { verdict: 'NOT_MET', reason: `Attested as not met by ${who(state)}: ${state.attestation.justification}${risk}` };
  }
  if (counts.UNKNOWN > 0) {
    const attNote = state ? ` An attestation (answer "${state.attestation.answer}" by ${who(state)}) is recorded, but the automated part could not be seen.` : '';
    return {
      verdict: 'UNKNOWN',
      reason: `${counts.UNKNOWN} result(s) could not be determined (${failingChecks(findings, 'UNKNOWN')}); see the collection errors.${attNote}`,
    };
  }
  const autoDecides = item.automation === 'auto' && item.checks.length > 0 && suppressedFails.length === 0;
  if (autoDecides && counts.PASS > 0 && counts.MANUAL === 0) {
    return { verdict: 'MET', reason: `All ${counts.PASS} automated result(s) pass.` };
  }
  if (state && state.expired) {
    return {
      verdict: 'NEEDS_EVIDENCE',
      reason: `The attestation (answer "${state.attestation.answer}" by ${who(state)})${expiryClause(state)}${ruleClause(state)}; renew it with fresh evidence.${risk}`,
    };
  }
  if (state?.attestation.answer === 'not-applicable') {
    return {
      verdict: 'NOT_APPLICABLE',
      reason: `Attested as not applicable by ${who(state)}: ${state.attestation.justification}${risk}`,
    };
  }
  if (autoDecides && counts.PASS === 0 && counts.MANUAL === 0 && !state) {
    return { verdict: 'NEEDS_EVIDENCE', reason: 'No resource in scope was evaluated by the automated checks; provide evidence.' };
  }
  if (state?.attestation.answer === 'yes') {
    if (state.evidenceMissing) {
      return {
        verdict: 'NEEDS_EVIDENCE',
        reason: `Answered "yes" by ${who(state)}, but no evidence document is attached; add the URL or file the reviewer expects.${risk}`,
      };
    }
    const automated = counts.PASS > 0 ? ` Automated checks pass (${counts.PASS} result(s)).` : '';
    const manualPart = counts.MANUAL > 0 ? ` ${counts.MANUAL} result(s) flagged for a person are covered by this attestation.` : '';
    return {
      verdict: 'MET',
      reason: `Met on attestation: answered "yes" by ${who(state)}${state.expires === null ? '' : `, valid until ${state.expires}`}: ${state.attestation.justification}${automated}${manualPart}${risk}`,
    };
  }
  if (suppressedFails.length > 0) {
    return {
      verdict: 'NEEDS_EVIDENCE',
      reason: `A suppression does not make an item met: add an attestation for item ${item.id} that accepts the risk.${risk}${gateNote}`,
    };
  }
  const automated = counts.PASS > 0 ? ` Automated checks pass (${counts.PASS} result(s)), but` : '';
  const manualPart = counts.MANUAL > 0 ? ` ${counts.MANUAL} result(s) need a person to confirm.` : '';
  return {
    verdict: 'NEEDS_EVIDENCE',
    reason: `${automated}${automated ? ' this' : 'This'} item needs evidence or an attestation.${manualPart}${gateNote}`.trim(),
  };
}
