/**
 * Attestations as data, after parsing and validation (src/attest/parse.ts). Pure types: the evaluator
 * imports them without touching the file system.
 */

/** yes = the requirement is met; no = it is not; not-applicable = it does not apply to this workload. */
export type AttestationAnswer = 'yes' | 'no' | 'not-applicable';

export const ATTESTATION_ANSWERS = ['yes', 'no', 'not-applicable'] as const satisfies readonly AttestationAnswer[];

export type GatingAnswerValue = 'yes' | 'no';

/** A piece of evidence: a URL, or a local file recorded with its sha256 (verified when the file is loaded). */
export interface EvidenceRef {
  readonly kind: 'url' | 'file';
  /** The URL, or the file path as written (relative to the attestations file). */
  readonly ref: string;
  readonly sha256?: string;
}

/** One answered checklist item. */
export interface ItemAttestation {
  readonly itemId: string;
  readonly answer: AttestationAnswer;
  readonly justification: string;
  readonly owner: string;
  /** YYYY-MM-DD: when the evidenced event happened (rehearsal, publication, production date) or the answer was given. */
  readonly date: string;
  readonly reviewer: string | null;
  readonly evidence: readonly EvidenceRef[];
  /** An explicit expiry (YYYY-MM-DD) written in the file; the effective expiry is the earlier of this and the item's rule. */
  readonly expires: string | null;
}

/** The answer to a gating question (CAA-000, SDAT-000). */
export interface GatingAnswer {
  readonly questionId: string;
  readonly answer: GatingAnswerValue;
  readonly justification: string;
  readonly owner: string;
  readonly date: string;
}

/**
 * An accepted risk for individual findings: the check, the account and the resource (id or ARN; region
 * optional). A suppressed FAIL stays FAIL in every count; see docs/attestations.md.
 */
export interface Suppression {
  readonly checkId: string;
  readonly accountId: string;
  readonly resourceId: string | null;
  readonly resourceArn: string | null;
  readonly region: string | null;
  readonly justification: string;
  readonly owner: string;
  /** YYYY-MM-DD, last day the suppression applies. */
  readonly expires: string;
}

/** Everything an ftr-attestations.yaml contributes to an evaluation. */
export interface AttestationSet {
  readonly file: string;
  readonly frameworkId: string;
  readonly delivery: string | null;
  readonly scope: string | null;
  readonly items: readonly ItemAttestation[];
  readonly gatingAnswers: readonly GatingAnswer[];
  readonly suppressions: readonly Suppression[];
  /** Item ids present in the file but not answered yet (empty `answer`). */
  readonly unanswered: readonly string[];
}
