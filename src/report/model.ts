/**
 * The report model: everything every format shows, computed once from an Assessment (and optionally the
 * previous one and the other case studies). Renderers only lay it out. Pure and deterministic: "now" is
 * the assessment's generatedAt.
 */
import type {
  Assessment,
  AttestationSummary,
  CheckInfo,
  CheckOutcomeForItem,
  InventoryResource,
  ItemResult,
  ItemVerdict,
  ResourceCost,
  StatusCounts,
} from '../core/assessment.js';
import type { AcceptedWay, CheckRole } from '../core/framework.js';
import { ITEM_VERDICTS } from '../core/assessment.js';
import { FRAMEWORKS } from '../frameworks/index.js';
import { CHECK_STATUSES, SEVERITIES, type CheckStatus, type Finding, type Severity } from '../core/finding.js';
import type { CollectionError } from '../core/observed.js';
import type { Remediation } from '../core/check.js';
import type { CostSource } from '../core/assessment.js';

/** 1.1: check roles per item, alternatives, region notes, the "hardening beyond the checklist" list. */
export const REPORT_SCHEMA_VERSION = '1.1';
/** Attestations whose expiry falls within this many days of the assessment are flagged. */
export const EXPIRY_WINDOW_DAYS = 90;


export type SectionStatus = 'MET' | 'NOT_MET' | 'NEEDS_EVIDENCE' | 'UNKNOWN' | 'NOT_APPLICABLE' | 'INFO';

export interface FindingRow {
  readonly checkId: string;
  /** Checklist items this finding evidences. */
  readonly itemIds: readonly string[];
  readonly status: CheckStatus;
  readonly severity: Severity;
  readonly accountId: string;
  /** The account's name (Organizations or IAM alias), when known. */
  readonly accountName?: string | null;
  readonly region: string | null;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly resourceArn: string | null;
  readonly message: string;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly suppressed: boolean;
  /** Items for which this finding's check is advisory (hardening beyond the checklist). */
  readonly advisoryFor: readonly string[];
}

export interface ItemCheck {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly counts: StatusCounts;
  readonly remediation: Remediation | null;
  /** The check's role for this item; null for assessments written before roles existed (schema 1.0). */
  readonly role: CheckRole | null;
  /** Why it has that role (from the catalog). */
  readonly rationale: string | null;
  /** What its results mean for the item; null before schema 1.1. */
  readonly outcome: CheckOutcomeForItem | null;
}

export interface ReportItem {
  readonly itemId: string;
  readonly title: string;
  readonly sectionId: string;
  readonly area: string;
  readonly automation: ItemResult['automation'];
  readonly verdict: ItemVerdict;
  readonly reason: string;
  /** Highest severity among the deciding checks that failed (else could not see) for this item; null if none. */
  readonly severity: Severity | null;
  /** Every referenced check with its role, deciding ones (required, evidence) first, then advisory ones. */
  readonly checks: readonly ItemCheck[];
  /** Counts of the findings that decide the item (advisory checks excluded). */
  readonly counts: StatusCounts;
  /** The ways of meeting the item the checklist accepts (empty before schema 1.1 or when there is one way). */
  readonly alternatives: readonly AcceptedWay[];
  /** Which regions the verdict covers, for regional items; null otherwise. */
  readonly regionNote: string | null;
  /** FAIL, UNKNOWN and MANUAL findings of the deciding checks: what needs attention, failing first. */
  readonly attention: readonly FindingRow[];
  /** A few PASS findings as positive evidence (the full list is in the CSV/XLSX/JSON). */
  readonly passingSample: readonly FindingRow[];
  readonly attestation: AttestationSummary | null;
  /** Accounts this item's findings touch (for filtering). */
  readonly accounts: readonly string[];
  /** One-paragraph evidence statement for the self-assessment. */
  readonly evidenceSummary: string;
}

export interface ReportSection {
  readonly id: string;
  /** The report area name (sample report name where one exists). */
  readonly area: string;
  /** The checklist's own section title. */
  readonly checklistTitle: string;
  /** `checklist`: a checklist section; `info`: a sample-report area the current checklist has no section for. */
  readonly kind: 'checklist' | 'info';
  readonly status: SectionStatus;
  readonly counts: Record<ItemVerdict, number>;
  readonly items: readonly ReportItem[];
  /** For info sections: what this area covers and where its evidence lives now. */
  readonly note: string | null;
  /** For info sections: findings of related checks (e.g. CloudTrail hygiene), attention first. */
  readonly relatedFindings: readonly FindingRow[];
  readonly relatedItems: readonly string[];
}

export interface Blocker {
  readonly rank: number;
  readonly itemId: string;
  readonly title: string;
  readonly area: string;
  readonly verdict: ItemVerdict;
  readonly severity: Severity;
  readonly reason: string;
  readonly failingResources: number;
}

/** A check that is hardening beyond the checklist for some items (advisory role), with its results. */
export interface HardeningCheck {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly counts: StatusCounts;
  /** The items it is advisory for, with the catalog's rationale. */
  readonly items: readonly { readonly itemId: string; readonly rationale: string }[];
  /** Items for which the same check is required or evidence (its FAILs count there too). */
  readonly decidesItems: readonly string[];
  readonly remediation: Remediation | null;
}

/** "Hardening beyond the checklist": shown apart from the verdicts, never changes one. */
export interface HardeningModel {
  /** Advisory checks, failing ones first by severity. */
  readonly checks: readonly HardeningCheck[];
  /** FAIL results of the advisory checks, worst first. */
  readonly findings: readonly FindingRow[];
  /** Number of FAIL results of advisory checks. */
  readonly failing: number;
}

export interface ExpiringAttestation {
  readonly itemId: string;
  readonly title: string;
  readonly owner: string;
  readonly expires: string;
  readonly daysLeft: number;
  readonly expired: boolean;
}

export interface CostLine {
  readonly key: string;
  readonly amount: number;
}

/** One account's line of the cost table. */
export type AccountCostLine =
  | {
      readonly accountId: string;
      readonly status: 'known';
      readonly amount: number;
      readonly name?: string | null;
      /** Which Cost Explorer read the figure comes from (absent for old assessments). */
      readonly source?: CostSource;
      /** The month before, when read in the same request; null otherwise. */
      readonly previousAmount?: number | null;
      /** The account's largest services, most first. */
      readonly topServices?: readonly CostLine[];
    }
  | { readonly accountId: string; readonly status: 'unknown'; readonly reason: string; readonly name?: string | null; readonly source?: CostSource };

/** The "itemised per resource" figure: known when some resource's cost is, else unknown with why and how to enable it. */
export type ItemisedCost =
  | { readonly status: 'known'; readonly amount: number; readonly resources: number }
  | { readonly status: 'unknown'; readonly reason: string; readonly howToEnable: string };

/** How to turn on the resource-level data GetCostAndUsageWithResources needs (payer account, opt-in). */
export const ENABLE_RESOURCE_COSTS =
  'In the management (payer) account open Billing and Cost Management > Cost Management preferences, select "Resource-level data at daily granularity" for the services you want, save, and scan again after up to 48 hours. Resource-level data covers the last 14 days.';

export interface ResourcesModel {
  readonly rows: readonly InventoryResource[];
  readonly count: number;
  /** Resource counts per type, most first. */
  readonly byType: readonly { readonly type: string; readonly count: number }[];
  /** Cost Explorer, last full month. */
  readonly period: { readonly start: string; readonly end: string } | null;
  readonly resourcePeriod: { readonly start: string; readonly end: string } | null;
  readonly currency: string;
  readonly serviceTotals: readonly CostLine[];
  readonly accountTotals: readonly AccountCostLine[];
  /** The month before `period` (month-over-month), when read. */
  readonly previousPeriod?: { readonly start: string; readonly end: string } | null;
  /** The itemised-per-resource figure with its status (the number alone is `itemisedTotal`). */
  readonly itemised?: ItemisedCost;
  /** Sum over the accounts whose costs are known; `complete` is false when some are unknown. */
  readonly total: { readonly amount: number | null; readonly complete: boolean };
  /** Sum of the resources' estimated monthly costs (known ones only). */
  readonly itemisedTotal: number;
  readonly costsCollected: boolean;
}

export interface SelfAssessmentRow {
  readonly itemId: string;
  readonly title: string;
  readonly sectionId: string;
  readonly area: string;
  readonly verdict: ItemVerdict;
  /** Y (met), N (not met or not yet evidenced), N/A (not applicable). */
  readonly met: 'Y' | 'N' | 'N/A';
  readonly evidence: string;
  /** The item's one-line reason. */
  readonly reason: string;
}

export interface CaseStudyColumn {
  readonly id: string;
  readonly name: string;
  readonly rows: readonly SelfAssessmentRow[];
}

export interface ChangeLine {
  readonly itemId: string;
  readonly title: string;
  readonly before: ItemVerdict | null;
  readonly after: ItemVerdict;
}

export interface ChangesModel {
  readonly previousGeneratedAt: string;
  readonly newlyMet: readonly ChangeLine[];
  readonly newlyFailing: readonly ChangeLine[];
  readonly otherChanges: readonly ChangeLine[];
  readonly newFailures: number;
  readonly fixedFailures: number;
  readonly evidenceExpiring: readonly ExpiringAttestation[];
  readonly readinessBefore: { readonly met: number; readonly applicable: number };
}

export interface ReportModel {
  readonly reportSchemaVersion: string;
  readonly title: string;
  readonly generatedAt: string;
  readonly tool: Assessment['tool'];
  readonly framework: Assessment['framework'];
  readonly deliveryCategory: Assessment['deliveryCategory'];
  readonly scope: Assessment['scope'];
  readonly caseStudy: { readonly id: string; readonly name: string } | null;
  readonly glance: {
    readonly readiness: { readonly met: number; readonly applicable: number; readonly percent: number };
    readonly verdicts: Record<ItemVerdict, number>;
    readonly findings: StatusCounts;
    readonly sections: readonly { readonly id: string; readonly area: string; readonly status: SectionStatus; readonly counts: Record<ItemVerdict, number> }[];
    readonly blockers: readonly Blocker[];
    readonly expiring: readonly ExpiringAttestation[];
  };
  readonly sections: readonly ReportSection[];
  readonly hardening: HardeningModel;
  readonly resources: ResourcesModel;
  readonly selfAssessment: { readonly caseStudies: readonly CaseStudyColumn[] };
  readonly findings: readonly FindingRow[];
  readonly checks: readonly CheckInfo[];
  readonly changes: ChangesModel | null;
  readonly collectionErrors: readonly CollectionError[];
  readonly accounts: readonly string[];
  /** Account id -> name (Organizations account name or IAM alias); absent or partial when unknown. */
  readonly accountNames?: Readonly<Record<string, string>>;
}

/** "Workload prod (111122223333)", or the id alone when the account has no known name. */
export function accountLabel(m: Pick<ReportModel, 'accountNames'>, accountId: string): string {
  const name = m.accountNames?.[accountId];
  return name ? `${name} (${accountId})` : accountId;
}

/**
 * `text` with each known account id written as its label ("Workload prod (111122223333)"): for sentences
 * built from check messages (the self-assessment's evidence). Ids inside ARNs (next to a colon), already
 * in parentheses, or part of a longer number stay as they are.
 */
export function withAccountNames(text: string, names: Readonly<Record<string, string>> | undefined): string {
  if (!names) return text;
  return text.replace(/(?<![\d:(])(\d{12})(?![\d:])/g, (id: string) => {
    const name = names[id];
    return name ? `${name} (${id})` : id;
  });
}

/** The account's name, or '' when none is known (the XLSX/CSV name column). */
export function accountNameOf(m: Pick<ReportModel, 'accountNames'>, accountId: string): string {
  return m.accountNames?.[accountId] ?? '';
}

export interface BuildOptions {
  readonly previous?: Assessment | null;
  /** Other case studies of the same competency checklist (one assessment each). */
  readonly caseStudies?: readonly Assessment[];
  /** How many PASS findings an item shows as positive evidence. */
  readonly passingSampleSize?: number;
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
const VERDICT_RANK: Record<ItemVerdict, number> = { NOT_MET: 0, UNKNOWN: 1, NEEDS_EVIDENCE: 2, MET: 3, NOT_APPLICABLE: 4 };
const STATUS_RANK: Record<CheckStatus, number> = { FAIL: 0, UNKNOWN: 1, MANUAL: 2, PASS: 3, NOT_APPLICABLE: 4 };

export const zeroVerdicts = (): Record<ItemVerdict, number> =>
  Object.fromEntries(ITEM_VERDICTS.map((v) => [v, 0])) as Record<ItemVerdict, number>;
export const zeroStatuses = (): StatusCounts => Object.fromEntries(CHECK_STATUSES.map((s) => [s, 0])) as StatusCounts;

const prefixOf = (itemId: string): string => itemId.split('-')[0] ?? itemId;

/** Whether the checklist uses FTR ids (then the sample report's areas apply). */
function isFtr(assessment: Assessment): boolean {
  return assessment.items.some((i) => /^(ARC|IAM|SUP|HOST|ACOM)-\d/.test(i.itemId));
}

interface SectionDef {
  readonly id: string;
  readonly title: string;
  readonly area: string;
}

/** Sections in checklist order: the assessment's list, else first appearance in the items. */
function sectionDefs(assessment: Assessment): SectionDef[] {
  const firstItem = new Map<string, ItemResult>();
  for (const item of assessment.items) if (!firstItem.has(item.section)) firstItem.set(item.section, item);
  // Assessments written before sections carried their report area: the catalog is the one source of areas.
  const catalogSections = FRAMEWORKS.find((f) => f.id === assessment.framework.id)?.sections ?? [];
  const areaFor = (id: string, title: string, reportArea?: string): string =>
    reportArea ?? catalogSections.find((s) => s.id === id)?.reportArea ?? title;
  const defs: SectionDef[] = [];
  const seen = new Set<string>();
  for (const s of assessment.sections ?? []) {
    if (!firstItem.has(s.id) || seen.has(s.id)) continue;
    seen.add(s.id);
    defs.push({ id: s.id, title: s.title, area: areaFor(s.id, s.title, s.reportArea) });
  }
  for (const id of firstItem.keys()) {
    if (seen.has(id)) continue;
    seen.add(id);
    defs.push({ id, title: id, area: areaFor(id, id) });
  }
  return defs;
}

function toRow(f: Finding, names: Readonly<Record<string, string>>): FindingRow {
  return {
    checkId: f.checkId,
    itemIds: f.controlIds,
    status: f.status,
    severity: f.severity,
    accountId: f.accountId,
    accountName: names[f.accountId] ?? null,
    region: f.region,
    resourceType: f.resourceType,
    resourceId: f.resourceId,
    resourceArn: f.resourceArn,
    message: f.message,
    evidence: f.evidence,
    suppressed: f.suppression != null,
    advisoryFor: f.advisoryFor ?? [],
  };
}

const byAttention = (a: FindingRow, b: FindingRow): number =>
  STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
  SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
  a.accountId.localeCompare(b.accountId) ||
  (a.region ?? '').localeCompare(b.region ?? '') ||
  a.resourceId.localeCompare(b.resourceId);

function worstSeverity(checks: readonly ItemCheck[], status: CheckStatus): Severity | null {
  let worst: Severity | null = null;
  for (const c of checks) {
    if (c.role === 'advisory') continue;
    if (c.counts[status] > 0 && (worst === null || SEVERITY_RANK[c.severity] < SEVERITY_RANK[worst])) worst = c.severity;
  }
  return worst;
}

function sectionStatus(counts: Record<ItemVerdict, number>): SectionStatus {
  if (counts.NOT_MET > 0) return 'NOT_MET';
  if (counts.UNKNOWN > 0) return 'UNKNOWN';
  if (counts.NEEDS_EVIDENCE > 0) return 'NEEDS_EVIDENCE';
  if (counts.MET > 0) return 'MET';
  return 'NOT_APPLICABLE';
}

const DAY_MS = 86_400_000;

function daysBetween(fromIso: string, toIso: string): number {
  return Math.floor((Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS);
}

function expiringOf(assessment: Assessment): ExpiringAttestation[] {
  const out: ExpiringAttestation[] = [];
  for (const item of assessment.items) {
    const a = item.attestation;
    if (!a?.expires) continue;
    const daysLeft = daysBetween(assessment.generatedAt, `${a.expires.slice(0, 10)}T23:59:59Z`);
    if (a.expired || daysLeft <= EXPIRY_WINDOW_DAYS) {
      out.push({ itemId: item.itemId, title: item.title, owner: a.owner, expires: a.expires, daysLeft, expired: a.expired || daysLeft < 0 });
    }
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.itemId.localeCompare(b.itemId));
}

function metMark(verdict: ItemVerdict): SelfAssessmentRow['met'] {
  if (verdict === 'MET') return 'Y';
  if (verdict === 'NOT_APPLICABLE') return 'N/A';
  return 'N';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function evidenceSummary(item: ItemResult, checks: readonly ItemCheck[]): string {
  const parts: string[] = [];
  if (item.verdict === 'NOT_APPLICABLE') parts.push(item.reason);
  const automated = checks.filter((c) => c.role !== 'advisory' && CHECK_STATUSES.some((s) => c.counts[s] > 0));
  if (automated.length > 0) {
    const lines = automated.map((c) => {
      const bits = CHECK_STATUSES.filter((s) => c.counts[s] > 0).map((s) => `${c.counts[s]} ${s}`);
      return `${c.id}: ${bits.join(', ')}`;
    });
    parts.push(`Automated checks (${lines.join('; ')}).`);
  }
  const a = item.attestation;
  if (a) {
    const files = a.evidence.map((e) => e.ref).join(', ');
    parts.push(
      `Attested "${a.answer}" by ${a.owner} on ${a.date.slice(0, 10)}${a.reviewer ? `, reviewed by ${a.reviewer}` : ''}: ${a.justification}` +
        (files ? ` Evidence: ${files}.` : '') +
        (a.expires ? ` ${a.expired ? 'Expired' : 'Valid until'} ${a.expires.slice(0, 10)}.` : ''),
    );
  }
  if (parts.length === 0 || (item.verdict !== 'MET' && item.verdict !== 'NOT_APPLICABLE')) parts.push(item.reason);
  return [...new Set(parts)].join(' ');
}

function costAmount(cost: ResourceCost | undefined): number | null {
  return cost?.status === 'known' ? cost.monthly : null;
}

/** Why no resource has a known cost: the most frequent reason among the resources, else a plain statement. */
function itemisedCost(rows: readonly InventoryResource[], costsCollected: boolean): ItemisedCost {
  let amount = 0;
  let known = 0;
  let notItemised = 0;
  const reasons = new Map<string, number>();
  for (const r of rows) {
    const c = r.cost;
    if (c?.status === 'known') {
      amount += c.monthly;
      known++;
    } else if (c?.status === 'not-itemised') notItemised++;
    else {
      const reason = c?.reason ?? 'Costs were not collected in this scan.';
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
  }
  if (known > 0) return { status: 'known', amount: Math.round(amount * 100) / 100, resources: known };
  const top = [...reasons.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const reason = !costsCollected
    ? 'Costs were not collected in this scan.'
    : top
      ? `Resource-level costs could not be read: ${top}`
      : notItemised > 0
        ? 'Cost Explorer itemises no cost for any resource in scope (free, or not billed per resource).'
        : 'No resource is in scope.';
  return { status: 'unknown', reason, howToEnable: ENABLE_RESOURCE_COSTS };
}

function resourcesModel(assessment: Assessment, names: Readonly<Record<string, string>>): ResourcesModel {
  const rows = assessment.resources;
  const typeCounts = new Map<string, number>();
  let itemised = 0;
  for (const r of rows) {
    typeCounts.set(r.resourceType, (typeCounts.get(r.resourceType) ?? 0) + 1);
    itemised += costAmount(r.cost) ?? 0;
  }
  const costs = assessment.costs;
  const serviceSums = new Map<string, number>();
  const accountTotals: ResourcesModel['accountTotals'][number][] = [];
  let total = 0;
  let anyKnown = false;
  let complete = true;
  const accountIds = new Set(assessment.scope.accounts);
  for (const a of costs?.accounts ?? []) accountIds.add(a.accountId);
  for (const accountId of [...accountIds].sort()) {
    const a = costs?.accounts.find((c) => c.accountId === accountId);
    const name = names[accountId] ?? null;
    if (!a) {
      complete = false;
      accountTotals.push({ accountId, name, status: 'unknown', reason: costs ? 'No cost data for this account.' : 'Costs were not collected in this scan.' });
      continue;
    }
    if (a.status === 'unknown') {
      complete = false;
      accountTotals.push({ accountId, name, status: 'unknown', reason: a.reason, ...(a.source ? { source: a.source } : {}) });
      continue;
    }
    anyKnown = true;
    total += a.total;
    accountTotals.push({
      accountId,
      name,
      status: 'known',
      amount: Math.round(a.total * 100) / 100,
      ...(a.source ? { source: a.source } : {}),
      previousAmount: a.previousTotal == null ? null : Math.round(a.previousTotal * 100) / 100,
      topServices: a.services.slice(0, 3).map((s) => ({ key: s.service, amount: Math.round(s.amount * 100) / 100 })),
    });
    for (const s of a.services) serviceSums.set(s.service, (serviceSums.get(s.service) ?? 0) + s.amount);
  }
  const round = (n: number): number => Math.round(n * 100) / 100;
  return {
    rows,
    count: rows.length,
    byType: [...typeCounts.entries()].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    period: costs?.period ?? null,
    resourcePeriod: costs?.resourcePeriod ?? null,
    currency: costs?.currency ?? 'USD',
    serviceTotals: [...serviceSums.entries()]
      .map(([key, amount]) => ({ key, amount: round(amount) }))
      .sort((a, b) => b.amount - a.amount || a.key.localeCompare(b.key)),
    accountTotals,
    total: { amount: anyKnown ? round(total) : null, complete },
    itemisedTotal: round(itemised),
    costsCollected: costs !== undefined,
    previousPeriod: costs?.previousPeriod ?? null,
    itemised: itemisedCost(rows, costs !== undefined),
  };
}

function selfAssessmentRows(assessment: Assessment, items: readonly ReportItem[]): SelfAssessmentRow[] {
  const byId = new Map(items.map((i) => [i.itemId, i]));
  const names: Record<string, string> = {};
  for (const n of assessment.accountNames ?? []) names[n.accountId] = n.name;
  return assessment.items.map((item) => {
    const r = byId.get(item.itemId);
    return {
      itemId: item.itemId,
      title: item.title,
      sectionId: item.section,
      area: r?.area ?? item.section,
      verdict: item.verdict,
      met: metMark(item.verdict),
      // Account ids in the text (quoted check messages) get their names, as everywhere else in the report.
      evidence: withAccountNames(r?.evidenceSummary ?? item.reason, names),
      reason: withAccountNames(item.reason, names),
    };
  });
}

function changesModel(current: Assessment, previous: Assessment, expiring: readonly ExpiringAttestation[]): ChangesModel {
  const before = new Map(previous.items.map((i) => [i.itemId, i.verdict]));
  const newlyMet: ChangeLine[] = [];
  const newlyFailing: ChangeLine[] = [];
  const otherChanges: ChangeLine[] = [];
  for (const item of current.items) {
    const prev = before.get(item.itemId) ?? null;
    if (prev === item.verdict) continue;
    const line = { itemId: item.itemId, title: item.title, before: prev, after: item.verdict };
    if (item.verdict === 'MET') newlyMet.push(line);
    else if (item.verdict === 'NOT_MET') newlyFailing.push(line);
    else otherChanges.push(line);
  }
  const failKey = (f: Finding): string => `${f.checkId}|${f.accountId}|${f.region ?? ''}|${f.resourceType}|${f.resourceId}`;
  const prevFails = new Set(previous.findings.filter((f) => f.status === 'FAIL').map(failKey));
  const nowFails = new Set(current.findings.filter((f) => f.status === 'FAIL').map(failKey));
  let newFailures = 0;
  for (const k of nowFails) if (!prevFails.has(k)) newFailures++;
  let fixedFailures = 0;
  for (const k of prevFails) if (!nowFails.has(k)) fixedFailures++;
  return {
    previousGeneratedAt: previous.generatedAt,
    newlyMet,
    newlyFailing,
    otherChanges,
    newFailures,
    fixedFailures,
    evidenceExpiring: expiring,
    readinessBefore: previous.summary.readiness,
  };
}

/** Info areas of the sample report that the current FTR checklist has no section for. */
function infoSections(assessment: Assessment, findings: readonly FindingRow[], items: readonly ReportItem[]): Map<string, ReportSection> {
  const related = (pred: (f: FindingRow) => boolean): FindingRow[] => findings.filter(pred).sort(byAttention);
  const itemIds = (prefixes: readonly string[]): string[] =>
    items.filter((i) => prefixes.includes(prefixOf(i.itemId))).map((i) => i.itemId);
  const info = (id: string, area: string, note: string, rel: FindingRow[], relatedItems: string[]): ReportSection => ({
    id,
    area,
    checklistTitle: area,
    kind: 'info',
    status: 'INFO',
    counts: zeroVerdicts(),
    items: [],
    note,
    relatedFindings: rel,
    relatedItems,
  });
  const accounts = assessment.scope.accounts.length;
  return new Map([
    [
      'after:ARC',
      info(
        'info-accounts',
        'Accounts',
        `The scan covered ${plural(accounts, 'AWS account')} in ${assessment.scope.mode} mode (${assessment.scope.regions.length} regions). ` +
          'The current checklist has no separate "AWS accounts" section; account separation and Organization membership are shown here as context.',
        related((f) => f.checkId.startsWith('organizations_')),
        [],
      ),
    ],
    [
      'after:ACOM',
      info(
        'info-cloudtrail',
        'CloudTrail',
        'The current checklist folds CloudTrail into IAM-002 (monitoring of credentials). The trail checks below are kept as hygiene evidence a reviewer often asks for.',
        related((f) => f.checkId.startsWith('cloudtrail_')),
        itemIds(['IAM']).filter((id) => id.startsWith('IAM-002')),
      ),
    ],
    [
      'after:SDAT',
      info(
        'info-phi',
        'Protected health information',
        'Protected health information is covered by the sensitive-data items (identify, encrypt at rest and in transit) and by regulatory compliance validation (HIPAA: a Business Associate Addendum in AWS Artifact, HIPAA-eligible services only).',
        [],
        itemIds(['SDAT', 'RCVP']),
      ),
    ],
  ]);
}

function hardeningModel(assessment: Assessment, findings: readonly FindingRow[]): HardeningModel {
  const checkInfo = new Map(assessment.checks.map((c) => [c.id, c]));
  const checks: HardeningCheck[] = (assessment.advisories ?? [])
    .map((a) => ({
      id: a.checkId,
      title: a.title,
      severity: a.severity,
      counts: a.counts,
      items: a.items,
      decidesItems: a.decidesItems,
      remediation: checkInfo.get(a.checkId)?.remediation ?? null,
    }))
    .sort(
      (a, b) =>
        Number(b.counts.FAIL > 0) - Number(a.counts.FAIL > 0) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.id.localeCompare(b.id),
    );
  const advisoryIds = new Set(checks.map((c) => c.id));
  const failing = findings.filter((f) => advisoryIds.has(f.checkId) && f.status === 'FAIL').sort(byAttention);
  return { checks, findings: failing, failing: failing.length };
}

/** Builds the report model from an assessment. */
export function buildReportModel(assessment: Assessment, options: BuildOptions = {}): ReportModel {
  const sampleSize = options.passingSampleSize ?? 3;
  const checkInfo = new Map(assessment.checks.map((c) => [c.id, c]));
  const defs = sectionDefs(assessment);
  const areaOf = new Map(defs.map((d) => [d.id, d.area]));

  const names: Record<string, string> = {};
  for (const n of assessment.accountNames ?? []) names[n.accountId] = n.name;
  const findings = assessment.findings.map((f) => toRow(f, names));
  const findingsByItem = new Map<string, FindingRow[]>();
  assessment.findings.forEach((f, i) => {
    const row = findings[i];
    if (!row) return;
    for (const id of new Set(f.controlIds)) {
      let list = findingsByItem.get(id);
      if (!list) findingsByItem.set(id, (list = []));
      list.push(row);
    }
  });

  const items: ReportItem[] = assessment.items.map((item) => {
    const all = findingsByItem.get(item.itemId) ?? [];
    const roles = new Map((item.checks ?? []).map((c) => [c.checkId, c]));
    const checks: ItemCheck[] = item.checkIds
      .map((id): ItemCheck => {
        const info = checkInfo.get(id);
        const ref = roles.get(id);
        const counts = ref ? { ...ref.counts } : zeroStatuses();
        if (!ref) for (const f of all) if (f.checkId === id) counts[f.status] += 1;
        return {
          id,
          title: info?.title ?? id,
          severity: info?.severity ?? 'medium',
          counts,
          remediation: info?.remediation ?? null,
          role: ref?.role ?? null,
          rationale: ref?.rationale ?? null,
          outcome: ref?.outcome ?? null,
        };
      })
      .sort((a, b) => Number(a.role === 'advisory') - Number(b.role === 'advisory'));
    const counts = zeroStatuses();
    for (const f of all) counts[f.status] += 1;
    const attention = all.filter((f) => f.status === 'FAIL' || f.status === 'UNKNOWN' || f.status === 'MANUAL').sort(byAttention);
    const passingSample = all.filter((f) => f.status === 'PASS').sort(byAttention).slice(0, sampleSize);
    return {
      itemId: item.itemId,
      title: item.title,
      sectionId: item.section,
      area: areaOf.get(item.section) ?? item.section,
      automation: item.automation,
      verdict: item.verdict,
      reason: item.reason,
      severity: worstSeverity(checks, 'FAIL') ?? worstSeverity(checks, 'UNKNOWN'),
      checks,
      counts,
      alternatives: item.alternatives ?? [],
      regionNote: item.regions?.note ?? null,
      attention,
      passingSample,
      attestation: item.attestation ?? null,
      accounts: [...new Set(all.map((f) => f.accountId))].sort(),
      evidenceSummary: evidenceSummary(item, checks),
    };
  });

  const ftr = isFtr(assessment);
  const infos = ftr ? infoSections(assessment, findings, items) : new Map<string, ReportSection>();
  const sections: ReportSection[] = [];
  for (const def of defs) {
    const sectionItems = items.filter((i) => i.sectionId === def.id);
    const counts = zeroVerdicts();
    for (const i of sectionItems) counts[i.verdict] += 1;
    sections.push({
      id: def.id,
      area: def.area,
      checklistTitle: def.title,
      kind: 'checklist',
      status: sectionStatus(counts),
      counts,
      items: sectionItems,
      note: null,
      relatedFindings: [],
      relatedItems: [],
    });
    const prefix = sectionItems[0] ? prefixOf(sectionItems[0].itemId) : def.id;
    const extra = infos.get(`after:${prefix}`);
    // A catalog that keeps its own section for the area (the legacy CTL or accounts sections) needs no info section.
    if (extra && !defs.some((d) => d.area === extra.area)) {
      sections.push(extra);
      infos.delete(`after:${prefix}`);
    }
  }

  const blockers: Blocker[] = items
    .filter((i) => i.verdict === 'NOT_MET' || i.verdict === 'UNKNOWN' || i.verdict === 'NEEDS_EVIDENCE')
    .map((i) => ({
      itemId: i.itemId,
      title: i.title,
      area: i.area,
      verdict: i.verdict,
      severity: i.severity ?? (i.verdict === 'NOT_MET' ? 'high' : 'medium'),
      reason: i.reason,
      failingResources: i.counts.FAIL + i.counts.UNKNOWN,
      order: items.indexOf(i),
    }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] || a.order - b.order,
    )
    .map(({ order: _order, ...b }, idx) => ({ ...b, rank: idx + 1 }));

  const verdicts = zeroVerdicts();
  for (const i of items) verdicts[i.verdict] += 1;
  const applicable = items.length - verdicts.NOT_APPLICABLE;
  const expiring = expiringOf(assessment);

  const caseStudies: CaseStudyColumn[] = [];
  const primaryName = assessment.caseStudy?.name ?? (options.caseStudies?.length ? 'Case study 1' : 'This assessment');
  caseStudies.push({ id: assessment.caseStudy?.id ?? 'primary', name: primaryName, rows: selfAssessmentRows(assessment, items) });
  for (const [n, other] of (options.caseStudies ?? []).entries()) {
    const otherModel = buildReportModel(other, { passingSampleSize: 0 });
    const otherItems = otherModel.sections.flatMap((s) => s.items);
    caseStudies.push({
      id: other.caseStudy?.id ?? `case-study-${n + 2}`,
      name: other.caseStudy?.name ?? `Case study ${n + 2}`,
      rows: selfAssessmentRows(other, otherItems),
    });
  }

  const severityOrder = (a: CheckInfo, b: CheckInfo): number => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.id.localeCompare(b.id);

  return {
    reportSchemaVersion: REPORT_SCHEMA_VERSION,
    title: `${assessment.framework.title}: readiness report`,
    generatedAt: assessment.generatedAt,
    tool: assessment.tool,
    framework: assessment.framework,
    deliveryCategory: assessment.deliveryCategory,
    scope: assessment.scope,
    caseStudy: assessment.caseStudy ? { id: assessment.caseStudy.id, name: assessment.caseStudy.name } : null,
    glance: {
      readiness: {
        met: verdicts.MET,
        applicable,
        percent: applicable === 0 ? 0 : Math.round((verdicts.MET / applicable) * 100),
      },
      verdicts,
      findings: assessment.summary.findings,
      sections: sections.filter((s) => s.kind === 'checklist').map((s) => ({ id: s.id, area: s.area, status: s.status, counts: s.counts })),
      blockers,
      expiring,
    },
    sections,
    hardening: hardeningModel(assessment, findings),
    resources: resourcesModel(assessment, names),
    selfAssessment: { caseStudies },
    findings: [...findings].sort(byAttention),
    checks: [...assessment.checks].sort(severityOrder),
    changes: options.previous ? changesModel(assessment, options.previous, expiring) : null,
    collectionErrors: assessment.collectionErrors,
    accounts: [...new Set([...assessment.scope.accounts, ...assessment.resources.map((r) => r.accountId)])].sort(),
    accountNames: names,
  };
}

export { SEVERITIES };
