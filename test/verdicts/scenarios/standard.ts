/**
 * The attestation-driven scenarios every item a person confirms has, generated from the item's design so
 * each area file only writes what is particular to its items:
 * - met: the well-run account (plus a "yes" with evidence for partial/manual items);
 * - not-met: attested "no" (an honest answer is never turned into MET);
 * - needs-evidence: nothing attested yet; and, where the item asks only for documents, a "yes" without one;
 * - expired: evidence older than the item's freshness rule, or past the file's own `expires`;
 * - not-applicable: the item's gating question answered "no".
 */
import { attest, gate, itemOf, frameworkOf, type Scenario } from '../scenario.js';

export function standard(framework: string, itemId: string): Scenario[] {
  const item = itemOf(framework, itemId);
  const base = { framework, item: itemId };
  const out: Scenario[] = [{ ...base, kind: 'met', name: item.automation === 'auto' ? 'well-run account' : 'well-run account, attested with evidence' }];
  if (item.automation === 'auto') return out;
  out.push(
    { ...base, kind: 'not-met', name: 'well-run account, honestly attested "no"', attest: attest(itemId, 'no'), reason: 'Attested as not met' },
    { ...base, kind: 'needs-evidence', name: 'well-run account, nothing attested yet', attest: null, reason: `attest ${itemId}` },
  );
  const months = Math.min(...item.evidence.map((e) => e.expiresAfterMonths ?? Infinity));
  out.push(
    Number.isFinite(months)
      ? { ...base, kind: 'expired', name: `evidence dated ${months + 2} months ago (rule: ${months} months)`, attest: attest(itemId, 'yes', { date: monthsAgo(months + 2) }), reason: 'renew it' }
      : { ...base, kind: 'expired', name: 'evidence past the expiry written in the file', attest: attest(itemId, 'yes', { date: '2025-06-01', expires: '2026-06-01' }), reason: 'expired on 2026-06-01' },
  );
  const documentsOnly = item.evidence.every((e) => !e.accepts.some((k) => k === 'text' || k === 'yes-no' || k === 'number' || k === 'date'));
  if (documentsOnly) {
    out.push({ ...base, kind: 'needs-evidence', name: '"yes" without the document the reviewer asks for', attest: attest(itemId, 'yes', { evidence: [] }), reason: 'no evidence document is attached' });
  }
  const question = frameworkOf(framework).gatingQuestions.find((g) => g.gates.includes(itemId));
  if (question) {
    out.push({ ...base, kind: 'not-applicable', name: `gating question ${question.id} answered "no"`, gates: [gate(question.id, 'no')], attest: null, reason: `gating question ${question.id}` });
  }
  return out;
}

/** YYYY-MM-DD `n` months before the corpus's evaluation day (2026-11-01). */
export function monthsAgo(n: number): string {
  const d = new Date(Date.UTC(2026, 10 - n, 1));
  return d.toISOString().slice(0, 10);
}
