/**
 * Framework catalogs (FTR Partner-Hosted, its Alternative route, the Industrial Software Competency ...) are
 * typed data: items, the checks that evidence them, where they apply and what evidence a reviewer wants.
 * Catalog modules live in src/frameworks/ and are validated by frameworkSchema (src/frameworks/schema.ts).
 */

export type DeliveryCategory = 'multi-tenant-saas' | 'single-tenant-saas' | 'managed-service' | 'customer-deployed';

export const DELIVERY_CATEGORIES = [
  'multi-tenant-saas',
  'single-tenant-saas',
  'managed-service',
  'customer-deployed',
] as const satisfies readonly DeliveryCategory[];

/** auto: an API result alone decides; partial: API evidence plus a person; manual: evidence only. */
export type AutomationLevel = 'auto' | 'partial' | 'manual';

export type EvidenceKind = 'text' | 'url' | 'file' | 'date' | 'yes-no' | 'number';

/** What a reviewer wants to see for the manual part of an item. */
export interface EvidenceRequest {
  readonly id: string;
  /** The question in plain words. */
  readonly prompt: string;
  readonly accepts: readonly EvidenceKind[];
  /** The rule's freshness window ("rehearsed within the last 12 months"), when it has one. */
  readonly expiresAfterMonths?: number;
}

/**
 * What a check's results mean for one item, decided from the checklist text (docs/verdicts.md lists them):
 * - `required`: the checklist demands exactly this. A FAIL makes the item NOT_MET whatever is attested
 *   (only a suppression with a justification stops it blocking); UNKNOWN keeps the item UNKNOWN.
 * - `evidence`: one accepted way of meeting the item. PASS supports MET; FAIL or UNKNOWN means "this way is
 *   not in place / not visible": the item needs evidence of an alternative, and an attestation with that
 *   evidence meets it.
 * - `advisory`: hardening beyond the checklist. Shown apart ("hardening beyond the checklist"), never changes
 *   the item's verdict.
 */
export type CheckRole = 'required' | 'evidence' | 'advisory';

export const CHECK_ROLES = ['required', 'evidence', 'advisory'] as const satisfies readonly CheckRole[];

/** A check an item references, with its role and why (the report shows the rationale next to the check). */
export interface CheckReference {
  readonly id: string;
  readonly role: CheckRole;
  /** One line: why this check has this role for this item. */
  readonly rationale: string;
  /**
   * `every-resource` (default): every result must pass. `any-resource`: one PASS anywhere in scope satisfies
   * the check, other resources' FAILs do not count (competency 3.3: Business Support on at least one account).
   */
  readonly passWhen?: 'every-resource' | 'any-resource';
}

/** One way of meeting an item that the checklist accepts. */
export interface AcceptedWay {
  /** A short noun phrase for one-line reasons: "Partner-Led Support". */
  readonly way: string;
  /** What shows it: the check that passes, or what to attest with which evidence. */
  readonly how: string;
}

export interface FrameworkSubQuestion {
  readonly id: string;
  readonly text: string;
}

export interface FrameworkItem {
  /** Exactly as AWS prints it: `ARC-004`, `1.13`, `IAM-002`. */
  readonly id: string;
  readonly title: string;
  /** True where the title is our inference (legacy FTR ids whose wording we could not read). */
  readonly titleInferred?: boolean;
  /** True for numbering gaps in the source (competency 1.6): shown, never evaluated. */
  readonly notPresentInSource?: boolean;
  readonly section: string;
  /** technical (default), prerequisite or documentation item. */
  readonly kind?: 'technical' | 'prerequisite' | 'documentation';
  /** The requirement in our own words. */
  readonly requirement: string;
  readonly automation: AutomationLevel;
  /** The checks (src/checks) whose findings evidence this item, each with its role. */
  readonly checks: readonly CheckReference[];
  /**
   * The ways of meeting the item that the checklist accepts, each one enough on its own. Required when an
   * item has an `evidence` check: a NEEDS_EVIDENCE reason names their `way`s, reports and docs/verdicts.md
   * add the `how`.
   */
  readonly alternatives?: readonly AcceptedWay[];
  readonly appliesTo: readonly DeliveryCategory[];
  /** A gating question id (CAA-000): when answered "no", this item is NOT_APPLICABLE. */
  readonly gatedBy?: string;
  readonly subQuestions?: readonly FrameworkSubQuestion[];
  readonly evidence: readonly EvidenceRequest[];
  /** Items of other catalogs that ask the same thing (competency 1.2 <-> FTR ARC-003). */
  readonly twins?: readonly string[];
  /**
   * True for items of an older checklist version (FTR CTL-001..004, ARC-002, RES-003, S3-002, S3-003) that
   * reviewers and the nOps sample report still ask for; they are not in the current checklist.
   */
  readonly legacy?: boolean;
}

export interface FrameworkSection {
  readonly id: string;
  readonly title: string;
  /**
   * The report area this section is shown under (`REPORT_AREAS` in src/frameworks/report-areas.ts: the nOps
   * sample report's 14 sections plus Hosting, Operational security, Network security). Absent: the report
   * groups by the section title.
   */
  readonly reportArea?: string;
}

export interface GatingQuestion {
  readonly id: string;
  readonly question: string;
  /** Item ids that are NOT_APPLICABLE when the answer is "no". */
  readonly gates: readonly string[];
}

export interface Framework {
  readonly id: string;
  readonly title: string;
  /** Our catalog version, e.g. `2025-08`. */
  readonly version: string;
  /** AWS's checklist version string, e.g. `2025_q3_v1` or `1.0`. */
  readonly checklistVersion: string;
  readonly releaseDate: string;
  readonly source: string;
  /**
   * Why the whole catalog is NOT_APPLICABLE to a delivery category that no item applies to (FTR Partner-Hosted
   * for customer-deployed: reviewed with the FTR Customer-Deployed variant). The evaluator uses it as the reason.
   */
  readonly notApplicableReasons?: Readonly<Partial<Record<DeliveryCategory, string>>>;
  readonly sections: readonly FrameworkSection[];
  readonly gatingQuestions: readonly GatingQuestion[];
  readonly items: readonly FrameworkItem[];
}

export function defineFramework<const T extends Framework>(framework: T): T {
  return framework;
}

/** The check ids an item references, in catalog order. */
export function checkIdsOf(item: FrameworkItem): string[] {
  return item.checks.map((c) => c.id);
}

/** The item's references with the given role. */
export function checksWithRole(item: FrameworkItem, role: CheckRole): CheckReference[] {
  return item.checks.filter((c) => c.role === role);
}
