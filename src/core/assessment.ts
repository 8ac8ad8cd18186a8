/**
 * assessment.json: the evaluation of one snapshot against one framework catalog. Versioned and documented
 * in docs/assessment-schema.md; reports are rendered from it alone.
 */
import type { AcceptedWay, AutomationLevel, CheckRole, DeliveryCategory } from './framework.js';
import type { CheckStatus, Finding, Severity } from './finding.js';
import type { CollectionError } from './observed.js';
import type { Remediation } from './check.js';

/**
 * 1.1 added check roles: `items[].checks`, `items[].alternatives`, `items[].regions`, `advisories`,
 * `scope.regionCoverage`, `findings[].advisoryFor`. Readers accept 1.0 files, where those fields are absent.
 */
export const ASSESSMENT_SCHEMA_VERSION = '1.1';

/** Verdict of one checklist item, after merging automated results (and, later, attestations). */
export type ItemVerdict = 'MET' | 'NOT_MET' | 'NEEDS_EVIDENCE' | 'NOT_APPLICABLE' | 'UNKNOWN';

export const ITEM_VERDICTS = ['MET', 'NOT_MET', 'NEEDS_EVIDENCE', 'NOT_APPLICABLE', 'UNKNOWN'] as const satisfies readonly ItemVerdict[];

export type StatusCounts = Record<CheckStatus, number>;

/**
 * What one referenced check's results mean for an item: `pass` (every result passes, or one does for an
 * any-resource check), `fail` (an open FAIL), `unknown` (could not see), `manual` (a person must confirm),
 * `accepted-risk` (its only FAILs are suppressed), `none` (no result in scope).
 */
export type CheckOutcomeForItem = 'pass' | 'fail' | 'unknown' | 'manual' | 'accepted-risk' | 'none';

/** One check an item references, with its role (src/core/framework.ts CheckRole) and its results. */
export interface ItemCheckResult {
  readonly checkId: string;
  readonly role: CheckRole;
  /** Why the check has this role for this item (from the catalog). */
  readonly rationale: string;
  readonly passWhen: 'every-resource' | 'any-resource';
  readonly counts: StatusCounts;
  readonly outcome: CheckOutcomeForItem;
}

/** Which regions a regional item's verdict rests on. */
export interface RegionCoverage {
  /** `all-enabled`: every enabled region; `requested`: only the regions given with --regions; `unlisted`: the regions of some account could not be listed. */
  readonly kind: 'all-enabled' | 'requested' | 'unlisted';
  /** Regions scanned (union over accounts). */
  readonly scanned: readonly string[];
  /** Enabled regions left out by --regions (union over accounts whose regions were listed). */
  readonly notScanned: readonly string[];
  /** Accounts whose regions could not be listed (ec2:DescribeRegions failed). */
  readonly unlistedAccounts: readonly string[];
  /** One sentence for the item's reason and the reports. */
  readonly note: string;
}

export interface ItemResult {
  readonly itemId: string;
  readonly title: string;
  readonly section: string;
  readonly automation: AutomationLevel;
  readonly verdict: ItemVerdict;
  /** Why, in one line: the failing checks, the missing evidence, the delivery category that makes it not applicable. */
  readonly reason: string;
  readonly checkIds: readonly string[];
  /** Counts of the findings that decide the item (required and evidence checks; advisory ones are in `checks`). */
  readonly findingCounts: StatusCounts;
  /** The attestation that answers the manual part, when one exists (see docs/attestations.md). */
  readonly attestation?: AttestationSummary | null;
  /** Each referenced check with its role and results (schema 1.1; absent in 1.0 files). */
  readonly checks?: readonly ItemCheckResult[];
  /** The ways of meeting the item the checklist accepts (schema 1.1). */
  readonly alternatives?: readonly AcceptedWay[];
  /** The regions a regional item covers; null for items whose checks read no regional data (schema 1.1). */
  readonly regions?: RegionCoverage | null;
}

/** A check that is hardening beyond the checklist for some items ("advisory" role), with its results. */
export interface AdvisoryCheck {
  readonly checkId: string;
  readonly title: string;
  readonly severity: Severity;
  /** The items it is advisory for, with the catalog's rationale. */
  readonly items: readonly { readonly itemId: string; readonly rationale: string }[];
  /** Items for which the same check is required or evidence (its FAILs count there). */
  readonly decidesItems: readonly string[];
  readonly counts: StatusCounts;
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

/** One resource of the workload's inventory (report: attached resources with costs). */
export interface InventoryResource {
  readonly accountId: string;
  readonly region: string | null;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly resourceArn: string | null;
  readonly name: string | null;
  readonly tags: Readonly<Record<string, string>>;
  /** Its cost from Cost Explorer's resource-level data (absent in assessments made before costs existed). */
  readonly cost?: ResourceCost;
}

/**
 * A resource's cost. `known`: Cost Explorer itemised it (the last 14 days, scaled to 30 days);
 * `not-itemised`: resource-level data is available for its account but lists nothing for it (free, or a
 * service Cost Explorer does not itemise); `unknown`: we could not read resource-level costs (reason).
 */
export type ResourceCost =
  | { readonly status: 'known'; readonly monthly: number; readonly currency: string }
  | { readonly status: 'not-itemised' }
  | { readonly status: 'unknown'; readonly reason: string };

/**
 * Which Cost Explorer read a figure comes from: the Organization's management (payer) account, whose one
 * read grouped by LINKED_ACCOUNT answers for every member, or the account's own read.
 */
export interface CostSource {
  readonly kind: 'management-account' | 'own-account';
  /** The account that made the read. */
  readonly accountId: string;
}

/** Cost of one account for the last full month, or why it is unknown (never a made-up zero). */
export type AccountCost =
  | {
      readonly accountId: string;
      readonly status: 'known';
      readonly total: number;
      readonly currency: string;
      readonly services: readonly { readonly service: string; readonly amount: number }[];
      /** Where the figure comes from (absent in assessments made before sources were kept). */
      readonly source?: CostSource;
      /** The month before (`CostSummary.previousPeriod`), when it was read in the same request; null = not read. */
      readonly previousTotal?: number | null;
    }
  | { readonly accountId: string; readonly status: 'unknown'; readonly reason: string; readonly source?: CostSource };

/** A scanned account's human name and where it comes from. */
export interface AccountName {
  readonly accountId: string;
  readonly name: string;
  /** `organizations`: organizations:ListAccounts; `iam-alias`: iam:ListAccountAliases. */
  readonly source: 'organizations' | 'iam-alias';
}

/** Cost Explorer figures for the report (see docs/report.md). */
export interface CostSummary {
  /** The last full month that `accounts` covers; null when no account's costs could be read. */
  readonly period: { readonly start: string; readonly end: string } | null;
  /** The resource-level window behind `ResourceCost.known` (last 14 days); null when never read. */
  readonly resourcePeriod: { readonly start: string; readonly end: string } | null;
  /** The month before `period`, when it was read (month-over-month change). */
  readonly previousPeriod?: { readonly start: string; readonly end: string } | null;
  readonly currency: string;
  readonly accounts: readonly AccountCost[];
}

/** A checklist section as the report shows it, in checklist order. */
export interface AssessmentSection {
  readonly id: string;
  readonly title: string;
  /** The report area (the sample nOps report's section name) when the catalog sets one. */
  readonly reportArea?: string;
}

/** The competency case study an assessment was run for (one scan per case-study environment). */
export interface CaseStudyInfo {
  readonly id: string;
  readonly name: string;
  readonly customer?: string;
  readonly productionDate?: string;
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
    /** Which regions regional items cover (schema 1.1). */
    readonly regionCoverage?: RegionCoverage;
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
  /** Hardening beyond the checklist: checks with the advisory role for some item (schema 1.1). */
  readonly advisories?: readonly AdvisoryCheck[];
  /** The workload's resources (inventory) for the report. */
  readonly resources: readonly InventoryResource[];
  /** Cost Explorer figures (optional: absent when the costs collector did not run). */
  readonly costs?: CostSummary;
  /** Human names of the scanned accounts that have one (absent in assessments made before names were kept). */
  readonly accountNames?: readonly AccountName[];
  /** The framework's sections in checklist order (titles for the report). */
  readonly sections?: readonly AssessmentSection[];
  /** Set when the assessment covers one competency case study. */
  readonly caseStudy?: CaseStudyInfo | null;
  readonly collectionErrors: readonly CollectionError[];
}
