/**
 * assessment.json: the evaluation of one snapshot against one framework catalog. Versioned and documented
 * in docs/assessment-schema.md; reports are rendered from it alone.
 */
import type { DeliveryCategory, AutomationLevel } from './framework.js';
import type { CheckStatus, Finding, Severity } from './finding.js';
import type { CollectionError } from './observed.js';
import type { Remediation } from './check.js';

export const ASSESSMENT_SCHEMA_VERSION = '1.0';

/** Verdict of one checklist item, after merging automated results (and, later, attestations). */
export type ItemVerdict = 'MET' | 'NOT_MET' | 'NEEDS_EVIDENCE' | 'NOT_APPLICABLE' | 'UNKNOWN';

export const ITEM_VERDICTS = ['MET', 'NOT_MET', 'NEEDS_EVIDENCE', 'NOT_APPLICABLE', 'UNKNOWN'] as const satisfies readonly ItemVerdict[];

export type StatusCounts = Record<CheckStatus, number>;

export interface ItemResult {
  readonly itemId: string;
  readonly title: string;
  readonly section: string;
  readonly automation: AutomationLevel;
  readonly verdict: ItemVerdict;
  /** Why: the failing checks, the missing evidence, the delivery category that makes it not applicable. */
  readonly reason: string;
  readonly checkIds: readonly string[];
  readonly findingCounts: StatusCounts;
  /** The attestation that answers the manual part, when one exists (see docs/attestations.md). */
  readonly attestation?: AttestationSummary | null;
}

export interface AttestationSummary {
  readonly answer: string;
  readonly justification: string;
  readonly owner: string;
  readonly date: string;
  readonly expires: string | null;
  readonly expired: boolean;
  readonly reviewer: string | null;
  readonly evidence: readonly { readonly kind: 'url' | 'file'; readonly ref: string; readonly sha256?: string }[];
}

/** Check metadata carried into the assessment so reports need nothing else. */
export interface CheckInfo {
  readonly id: string;
  readonly title: string;
  readonly service: string;
  readonly severity: Severity;
  readonly remediation: Remediation;
  readonly counts: StatusCounts;
}

export interface Assessment {
  readonly schemaVersion: string;
  readonly generatedAt: string;
  readonly tool: { readonly name: 'ftr-ready'; readonly version: string };
  readonly framework: {
    readonly id: string;
    readonly title: string;
    readonly version: string;
    readonly checklistVersion: string;
    readonly releaseDate: string;
  };
  readonly deliveryCategory: DeliveryCategory;
  readonly scope: {
    readonly name: string | null;
    readonly mode: 'account' | 'organization';
    readonly principal: string;
    readonly accounts: readonly string[];
    readonly regions: readonly string[];
    readonly scanStartedAt: string;
    readonly scanFinishedAt: string;
    readonly snapshotComplete: boolean;
    readonly snapshotSchemaVersion: string;
  };
  readonly summary: {
    readonly findings: StatusCounts;
    readonly items: Record<ItemVerdict, number>;
    /** Items MET out of applicable items (everything but NOT_APPLICABLE). */
    readonly readiness: { readonly met: number; readonly applicable: number };
  };
  readonly items: readonly ItemResult[];
  readonly checks: readonly CheckInfo[];
  readonly findings: readonly Finding[];
  readonly collectionErrors: readonly CollectionError[];
}
