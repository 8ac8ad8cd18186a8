/**
 * Merging attestations into an evaluation (pure). Builds, per checklist item, what decideItem needs: the
 * item's attestation with its effective expiry, and the gating question that governs it with its answer.
 * Also attaches active suppressions to the findings they name. See docs/attestations.md for the rules.
 */
import type { AttestationSummary } from '../core/assessment.js';
import type { Framework, FrameworkItem } from '../core/framework.js';
import type { Finding } from '../core/finding.js';
import { attestationExpiry, isExpired, itemExpiryMonths } from '../attest/expiry.js';
import type { GatingAnswer, ItemAttestation, Suppression } from '../attest/types.js';

/** An item's attestation, resolved against the item's date rule and `now`. */
export interface AttestationState {
  readonly attestation: ItemAttestation;
  /** Effective last valid day (YYYY-MM-DD), or null when neither the item nor the file sets one. */
  readonly expires: string | null;
  readonly expired: boolean;
  /** The item's freshness rule ("within the last N months"), if any. */
  readonly ruleMonths: number | null;
  /**
   * True when the item only accepts documents (url/file) as evidence and the attestation attaches none:
   * an answer without the document the reviewer asked for.
   */
  readonly evidenceMissing: boolean;
}

/** The gating question that governs an item and its answer (null: not answered yet). */
export interface GateState {
  readonly questionId: string;
  readonly question: string;
  readonly answer: GatingAnswer | null;
}

/** Everything beyond findings that decides an item. */
export interface ItemContext {
  readonly attestation?: AttestationState | null;
  readonly gate?: GateState | null;
}

export interface AttestationInputs {
  readonly attestations?: readonly ItemAttestation[] | undefined;
  readonly gatingAnswers?: readonly GatingAnswer[] | undefined;
}

/** Items whose evidence requests take no free text/yes-no answer need an attached document. */
function needsDocument(item: FrameworkItem): boolean {
  if (item.evidence.length === 0) return false;
  return item.evidence.every((e) => !e.accepts.some((k) => k === 'text' || k === 'yes-no' || k === 'number' || k === 'date'));
}

export function resolveAttestation(item: FrameworkItem, attestation: ItemAttestation, now: string): AttestationState {
  const expires = attestationExpiry(attestation, item);
  return {
    attestation,
    expires,
    expired: isExpired(expires, now),
    ruleMonths: itemExpiryMonths(item),
    evidenceMissing: attestation.answer === 'yes' && needsDocument(item) && attestation.evidence.length === 0,
  };
}

export function summarizeAttestation(state: AttestationState): AttestationSummary {
  const a = state.attestation;
  return {
    answer: a.answer,
    justification: a.justification,
    owner: a.owner,
    date: a.date,
    expires: state.expires,
    expired: state.expired,
    reviewer: a.reviewer,
    evidence: a.evidence.map((e) => (e.sha256 ? { kind: e.kind, ref: e.ref, sha256: e.sha256 } : { kind: e.kind, ref: e.ref })),
  };
}

/** The per-item contexts of a framework, ready for decideItem. */
export function buildItemContexts(framework: Framework, inputs: AttestationInputs, now: string): Map<string, ItemContext> {
  const byItem = new Map((inputs.attestations ?? []).map((a) => [a.itemId, a]));
  const answers = new Map((inputs.gatingAnswers ?? []).map((g) => [g.questionId, g]));
  const out = new Map<string, ItemContext>();
  for (const item of framework.items) {
    const question = framework.gatingQuestions.find((q) => q.id === item.gatedBy || q.gates.includes(item.id));
    const gate: GateState | null = question
      ? { questionId: question.id, question: question.question, answer: answers.get(question.id) ?? null }
      : null;
    const attestation = byItem.get(item.id);
    out.set(item.id, { attestation: attestation ? resolveAttestation(item, attestation, now) : null, gate });
  }
  return out;
}

/** A suppression covers a finding when check, account and every resource field it names match. */
export function suppressionMatches(s: Suppression, f: Finding): boolean {
  if (s.checkId !== f.checkId || s.accountId !== f.accountId) return false;
  if (s.resourceId !== null && s.resourceId !== f.resourceId) return false;
  if (s.resourceArn !== null && s.resourceArn !== f.resourceArn) return false;
  if (s.region !== null && s.region !== f.region) return false;
  return s.resourceId !== null || s.resourceArn !== null;
}

/**
 * Attaches the first active (unexpired) matching suppression to each finding (`suppression`); findings no
 * suppression covers are returned unchanged. Statuses are never changed: a suppressed FAIL stays FAIL.
 */
export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[], now: string): Finding[] {
  const active = suppressions.filter((s) => !isExpired(s.expires, now));
  return findings.map((f) => {
    const s = active.find((candidate) => suppressionMatches(candidate, f));
    return s ? { ...f, suppression: { justification: s.justification, expires: s.expires, owner: s.owner } } : f;
  });
}

/** Suppressions past their expiry (no longer applied), for a warning in the CLI and report. */
export function expiredSuppressions(suppressions: readonly Suppression[], now: string): Suppression[] {
  return suppressions.filter((s) => isExpired(s.expires, now));
}
