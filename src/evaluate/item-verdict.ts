/**
 * How one checklist item's verdict is decided from the findings of its checks, the role each check has
 * for the item (required / evidence / advisory, see CheckRole in src/core/framework.ts), its attestation
 * and the gating answers. Order matters:
 *   1. not present in the source / delivery category / gating question answered "no"  -> NOT_APPLICABLE
 *   2. a required check with a FAIL that no active suppression covers                   -> NOT_MET
 *      (no attestation overrides it, not even "not-applicable"; it is still shown)
 *   3. an attestation answering "no"                                                    -> NOT_MET
 *   4. a required check that could not be seen (UNKNOWN)                               -> UNKNOWN
 *   5. an auto item whose required checks pass, with nothing suppressed                 -> MET
 *   6. an expired attestation                                                           -> NEEDS_EVIDENCE
 *   7. an attestation answering "not-applicable" (wins over evidence/advisory FAILs)    -> NOT_APPLICABLE
 *   8. a "yes" attestation (with the documents the item asks for)                       -> MET, "on attestation"
 *      (evidence checks that fail or could not be seen are named: another accepted way is attested)
 *   9. otherwise                                                                        -> NEEDS_EVIDENCE,
 *      naming the evidence checks that fail or could not be seen and the alternatives the checklist accepts
 * Advisory checks never change the verdict. Suppressed FAILs (accepted risk) keep counting as FAIL; they stop
 * blocking the item, but the item then needs an attestation to be MET and its reason names the accepted risk.
 * Every reason is one line.
 */
import type { CheckOutcomeForItem, ItemCheckResult, ItemVerdict, RegionCoverage, StatusCounts } from '../core/assessment.js';
import type { CheckReference, DeliveryCategory, FrameworkItem } from '../core/framework.js';
import type { Finding } from '../core/finding.js';
import type { AttestationState, ItemContext as AttestationContext } from './attestations.js';

/** Everything beyond findings that decides an item: attestation, gate and the regions it covers. */
export interface ItemContext extends AttestationContext {
  /** The regions a regional item rests on (null or absent: the item reads no regional data). */
  readonly regions?: RegionCoverage | null;
}

/**
 * The fields of a finding a verdict reads. Streaming evaluation (evaluate-stream.ts) keeps only these, and
 * only for the findings a reason can quote: the compiler keeps this list and the code below in step.
 */
export type VerdictFinding = Pick<Finding, 'checkId' | 'status' | 'message' | 'resourceId' | 'suppression'>;

export interface ItemDecision {
  readonly verdict: ItemVerdict;
  readonly reason: string;
  /** Each referenced check with its role, counts and what its results mean for the item. */
  readonly checks: readonly ItemCheckResult[];
}

export function emptyCounts(): StatusCounts {
  return { PASS: 0, FAIL: 0, MANUAL: 0, NOT_APPLICABLE: 0, UNKNOWN: 0 };
}

export function countStatuses(findings: readonly Pick<Finding, 'status'>[]): StatusCounts {
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

/** One referenced check with its findings. */
interface RefState {
  readonly ref: CheckReference;
  readonly findings: readonly VerdictFinding[];
  readonly counts: StatusCounts;
  readonly outcome: CheckOutcomeForItem;
}

/** What a check's results mean for the item (see CheckOutcomeForItem). */
export function checkOutcome(ref: CheckReference, findings: readonly VerdictFinding[]): CheckOutcomeForItem {
  const counts = countStatuses(findings);
  const openFail = findings.some((f) => f.status === 'FAIL' && !f.suppression);
  if (ref.passWhen === 'any-resource') {
    // One PASS suffices; a result we could not see (or a person must judge) might still be that PASS.
    if (counts.PASS > 0) return 'pass';
    if (counts.UNKNOWN > 0) return 'unknown';
    if (counts.MANUAL > 0) return 'manual';
  }
  if (openFail) return 'fail';
  if (counts.UNKNOWN > 0) return 'unknown';
  if (counts.MANUAL > 0) return 'manual';
  if (counts.FAIL > 0) return 'accepted-risk';
  if (counts.PASS > 0) return 'pass';
  return 'none';
}

function refStates(item: FrameworkItem, findings: readonly VerdictFinding[]): RefState[] {
  return item.checks.map((ref) => {
    const own = findings.filter((f) => f.checkId === ref.id);
    return { ref, findings: own, counts: countStatuses(own), outcome: checkOutcome(ref, own) };
  });
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** First message of a finding with this status, quoted, or "". */
function exampleOf(findings: readonly VerdictFinding[], pick: (f: VerdictFinding) => boolean): string {
  const first = findings.find(pick);
  return first ? ` ("${first.message.replace(/\s+/g, ' ').trim()}")` : '';
}

/** The refs described one after the other; only the first quotes an example, to keep the reason short. */
function describeRefs(states: readonly RefState[]): string {
  return states.map((s, i) => describeRef(s, i === 0)).join('; ');
}

/** "s3_bucket_versioning_enabled fails on 2 of 5 results ("Bucket logs versioning is not enabled.")" */
function describeRef(s: RefState, withExample = true): string {
  const total = s.findings.filter((f) => f.status !== 'NOT_APPLICABLE').length;
  const of = (n: number): string => (total > n ? `${n} of ${total} results` : plural(n, 'result'));
  const example = (pick: (f: VerdictFinding) => boolean): string => (withExample ? exampleOf(s.findings, pick) : '');
  switch (s.outcome) {
    case 'fail': {
      const open = s.findings.filter((f) => f.status === 'FAIL' && !f.suppression).length;
      return `${s.ref.id} fails on ${of(open)}${example((f) => f.status === 'FAIL' && !f.suppression)}`;
    }
    case 'unknown':
      return `${s.ref.id} could not be determined on ${of(s.counts.UNKNOWN)}${example((f) => f.status === 'UNKNOWN')}`;
    case 'manual':
      return `${s.ref.id} needs a person to confirm ${of(s.counts.MANUAL)}${example((f) => f.status === 'MANUAL')}`;
    case 'accepted-risk':
      return `${s.ref.id} fails only where a suppression accepts the risk (${plural(s.counts.FAIL, 'result')})`;
    case 'pass':
      return `${s.ref.id} passes (${plural(s.counts.PASS, 'result')})`;
    case 'none':
      return `${s.ref.id} has no result in scope`;
  }
}

function who(state: AttestationState): string {
  const a = state.attestation;
  const reviewer = a.reviewer ? `, reviewed by ${a.reviewer}` : '';
  return `${a.owner} on ${a.date}${reviewer}`;
}

function acceptedRisk(suppressed: readonly VerdictFinding[]): string {
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

/** " The checklist accepts: a; b; c." or "". */
function alternativesClause(item: FrameworkItem): string {
  const alternatives = item.alternatives ?? [];
  if (alternatives.length === 0) return '';
  return ` The checklist accepts any of: ${alternatives.map((a, i) => `(${i + 1}) ${a.way}`).join('; ')}.`;
}

/** Folds whitespace so a reason stays on one line whatever a justification or message holds. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function decideItem(
  item: FrameworkItem,
  findings: readonly VerdictFinding[],
  delivery: DeliveryCategory,
  context: ItemContext = {},
): ItemDecision {
  const states = refStates(item, findings);
  const checks: ItemCheckResult[] = states.map((s) => ({
    checkId: s.ref.id,
    role: s.ref.role,
    rationale: s.ref.rationale,
    passWhen: s.ref.passWhen ?? 'every-resource',
    counts: s.counts,
    outcome: s.outcome,
  }));
  const decision = decide(item, states, delivery, context);
  return { verdict: decision.verdict, reason: oneLine(decision.reason), checks };
}

function decide(
  item: FrameworkItem,
  states: readonly RefState[],
  delivery: DeliveryCategory,
  context: ItemContext,
): { verdict: ItemVerdict; reason: string } {
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
  const required = states.filter((s) => s.ref.role === 'required');
  const evidence = states.filter((s) => s.ref.role === 'evidence');
  const deciding = [...required, ...evidence];
  const decidingFindings = deciding.flatMap((s) => s.findings);
  const counts = countStatuses(decidingFindings);
  const suppressedFails = decidingFindings.filter((f) => f.status === 'FAIL' && f.suppression);
  const risk = acceptedRisk(suppressedFails);
  const gateNote = gate && gate.answer === null ? ` Gating question ${gate.questionId} is not answered yet.` : '';
  const regionNote = context.regions ? ` ${context.regions.note}` : '';

  const requiredFailing = required.filter((s) => s.outcome === 'fail');
  if (requiredFailing.length > 0) {
    const attNote = state
      ? ` The attestation (answer "${state.attestation.answer}" by ${who(state)}) is shown but does not override a required check.`
      : '';
    return {
      verdict: 'NOT_MET',
      reason: `Required: ${describeRefs(requiredFailing)}. Fix it before submission, or suppress a justified exception.${attNote}${risk}`,
    };
  }
  if (state?.attestation.answer === 'no') {
    return { verdict: 'NOT_MET', reason: `Attested as not met by ${who(state)}: ${state.attestation.justification}${risk}` };
  }
  const requiredUnknown = required.filter((s) => s.outcome === 'unknown');
  if (requiredUnknown.length > 0) {
    const attNote = state ? ` An attestation (answer "${state.attestation.answer}" by ${who(state)}) is recorded, but a required check could not be seen.` : '';
    return {
      verdict: 'UNKNOWN',
      reason: `Could not see a required check: ${describeRefs(requiredUnknown)}. Grant the read (see the collection errors) and scan again.${attNote}${regionNote}`,
    };
  }
  const requiredPassing = required.filter((s) => s.outcome === 'pass');
  const requiredClear = required.every((s) => s.outcome === 'pass' || s.outcome === 'none');
  if (item.automation === 'auto' && requiredClear && requiredPassing.length > 0 && suppressedFails.length === 0) {
    const results = requiredPassing.reduce((n, s) => n + s.counts.PASS, 0);
    return { verdict: 'MET', reason: `Required checks pass (${requiredPassing.map((s) => s.ref.id).join(', ')}: ${plural(results, 'result')}).${regionNote}` };
  }
  if (state && state.expired) {
    return {
      verdict: 'NEEDS_EVIDENCE',
      reason: `The attestation (answer "${state.attestation.answer}" by ${who(state)})${expiryClause(state)}${ruleClause(state)}; renew it with fresh evidence.${risk}`,
    };
  }
  const evidenceShort = evidence.filter((s) => s.outcome === 'fail' || s.outcome === 'unknown');
  if (state?.attestation.answer === 'not-applicable') {
    const shown = evidenceShort.length > 0 ? ` Automated evidence shown but not deciding: ${describeRefs(evidenceShort)}.` : '';
    return {
      verdict: 'NOT_APPLICABLE',
      reason: `Attested as not applicable by ${who(state)}: ${state.attestation.justification}${shown}${risk}`,
    };
  }
  if (state?.attestation.answer === 'yes') {
    if (state.evidenceMissing) {
      return {
        verdict: 'NEEDS_EVIDENCE',
        reason: `Answered "yes" by ${who(state)}, but no evidence document is attached; add the URL or file the reviewer expects.${risk}`,
      };
    }
    const validUntil = state.expires === null ? '' : `, valid until ${state.expires}`;
    const automated = automatedEvidence(deciding, evidenceShort);
    return {
      verdict: 'MET',
      reason: `Met on attestation: answered "yes" by ${who(state)}${validUntil}: ${state.attestation.justification}${automated}${risk}${regionNote}`,
    };
  }
  if (suppressedFails.length > 0) {
    return {
      verdict: 'NEEDS_EVIDENCE',
      reason: `A suppression does not make an item met: add an attestation for item ${item.id} that accepts the risk.${risk}${gateNote}`,
    };
  }
  const manualStates = deciding.filter((s) => s.outcome === 'manual');
  if (evidenceShort.length > 0) {
    const manualNote = manualStates.length > 0 ? ` Also for a person: ${describeRefs(manualStates)}.` : '';
    return {
      verdict: 'NEEDS_EVIDENCE',
      reason: `Not shown by the scan: ${describeRefs(evidenceShort)}.${manualNote}${alternativesClause(item)} Attest ${item.id} with the evidence of the way you meet it.${gateNote}${regionNote}`,
    };
  }
  if (item.automation === 'auto' && counts.PASS === 0 && counts.MANUAL === 0) {
    return { verdict: 'NEEDS_EVIDENCE', reason: `No resource in scope was evaluated by the required checks; attest ${item.id} with evidence.${regionNote}` };
  }
  const passing = counts.PASS > 0 ? `Automated checks pass (${plural(counts.PASS, 'result')}), but this` : 'This';
  // Say what the person is to confirm (the first MANUAL message), so the one-line reason carries the cause.
  const manualPart = manualStates.length > 0 ? ` ${describeRefs(manualStates)}.` : counts.MANUAL > 0 ? ` ${plural(counts.MANUAL, 'result')} need a person to confirm.` : '';
  return {
    verdict: 'NEEDS_EVIDENCE',
    reason: `${passing} item needs evidence: attest ${item.id}.${manualPart}${gateNote}${regionNote}`,
  };
}

/** " Automated evidence: ..." for an item met on attestation: what passes, and which ways are not shown. */
function automatedEvidence(deciding: readonly RefState[], short: readonly RefState[]): string {
  const passing = deciding.filter((s) => s.outcome === 'pass');
  const manual = deciding.filter((s) => s.outcome === 'manual');
  const parts: string[] = [];
  if (passing.length > 0) parts.push(`${passing.map((s) => s.ref.id).join(', ')} pass`);
  if (manual.length > 0) parts.push(`${manual.map((s) => `${s.ref.id} (${plural(s.counts.MANUAL, 'result')} for a person)`).join(', ')} covered by this attestation`);
  if (short.length > 0) parts.push(`not shown by the scan, so another accepted way is attested: ${describeRefs(short)}`);
  return parts.length === 0 ? '' : ` Automated evidence: ${parts.join('; ')}.`;
}
