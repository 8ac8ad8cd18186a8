/**
 * Per-item differences between two assessments (`ftr diff a b`, and the dashboard's "changed since the
 * previous assessment"): the verdict, failing resources added or fixed, and evidence that expired.
 * The comparison itself is pure; a side comes from a stored assessment (its item rows and FAIL finding
 * rows, no document parsing) or from an assessment file.
 */
import type { Assessment } from '../core/assessment.js';
import type { Repositories } from './db.js';
import type { FailingResource } from './repositories/assessments.js';

export interface DiffItemInput {
  readonly itemId: string;
  readonly title: string;
  readonly section: string;
  // A string, not ItemVerdict: a stored assessment may come from a newer ftr-ready with more verdicts.
  readonly verdict: string;
  readonly checkIds: readonly string[];
  readonly attestationExpired: boolean;
  readonly attestationExpires: string | null;
}

export interface DiffSide {
  /** `#12` for a stored assessment, the path for a file. */
  readonly label: string;
  readonly generatedAt: string;
  readonly frameworkId: string;
  readonly scopeName: string | null;
  readonly readiness: { readonly met: number; readonly applicable: number };
  readonly items: readonly DiffItemInput[];
  readonly failing: readonly FailingResource[];
}

export interface ItemDiff {
  readonly itemId: string;
  readonly title: string;
  readonly section: string;
  /** null: the item is not in that assessment. */
  readonly before: string | null;
  readonly after: string | null;
  /** Failing resources of the item's checks that fail now and did not before. */
  readonly added: readonly FailingResource[];
  /** Failing resources that failed before and no longer fail (fixed, or gone). */
  readonly fixed: readonly FailingResource[];
  /** The item's attestation evidence expired between the two assessments. */
  readonly evidenceExpired: boolean;
  readonly expiredOn: string | null;
}

export interface AssessmentDiff {
  readonly from: Pick<DiffSide, 'label' | 'generatedAt' | 'frameworkId' | 'scopeName' | 'readiness'>;
  readonly to: Pick<DiffSide, 'label' | 'generatedAt' | 'frameworkId' | 'scopeName' | 'readiness'>;
  /** Only the items where something changed, in the newer assessment's order. */
  readonly items: readonly ItemDiff[];
  readonly unchangedItems: number;
  /** Comparing different frameworks or scopes is allowed, but said. */
  readonly warnings: readonly string[];
}

export function resourceKey(r: FailingResource): string {
  return `${r.checkId}|${r.accountId}|${r.region ?? ''}|${r.resourceType}|${r.resourceId}`;
}

function failingOf(item: DiffItemInput | undefined, byCheck: ReadonlyMap<string, readonly FailingResource[]>): Map<string, FailingResource> {
  const out = new Map<string, FailingResource>();
  for (const checkId of item?.checkIds ?? []) for (const r of byCheck.get(checkId) ?? []) out.set(resourceKey(r), r);
  return out;
}

function groupByCheck(failing: readonly FailingResource[]): Map<string, FailingResource[]> {
  const out = new Map<string, FailingResource[]>();
  for (const r of failing) {
    const list = out.get(r.checkId) ?? [];
    list.push(r);
    out.set(r.checkId, list);
  }
  return out;
}

const header = (s: DiffSide) => ({ label: s.label, generatedAt: s.generatedAt, frameworkId: s.frameworkId, scopeName: s.scopeName, readiness: s.readiness });

/** What changed from `a` (older) to `b` (newer), item by item. */
export function diffAssessments(a: DiffSide, b: DiffSide): AssessmentDiff {
  const warnings: string[] = [];
  if (a.frameworkId !== b.frameworkId) warnings.push(`The assessments are of different frameworks (${a.frameworkId} and ${b.frameworkId}).`);
  if (a.scopeName !== b.scopeName) warnings.push(`The assessments are of different scopes (${a.scopeName ?? 'none'} and ${b.scopeName ?? 'none'}).`);
  const beforeItems = new Map(a.items.map((i) => [i.itemId, i]));
  const afterIds = new Set(b.items.map((i) => i.itemId));
  const beforeFailing = groupByCheck(a.failing);
  const afterFailing = groupByCheck(b.failing);
  const order = [...b.items, ...a.items.filter((i) => !afterIds.has(i.itemId))];
  const items: ItemDiff[] = [];
  let unchangedItems = 0;
  for (const item of order) {
    const before = beforeItems.get(item.itemId);
    const after = afterIds.has(item.itemId) ? item : undefined;
    const was = failingOf(before, beforeFailing);
    const now = failingOf(after, afterFailing);
    const added = [...now].filter(([k]) => !was.has(k)).map(([, r]) => r);
    const fixed = [...was].filter(([k]) => !now.has(k)).map(([, r]) => r);
    const evidenceExpired = after?.attestationExpired === true && before?.attestationExpired !== true;
    const verdictBefore = before?.verdict ?? null;
    const verdictAfter = after?.verdict ?? null;
    if (verdictBefore === verdictAfter && added.length === 0 && fixed.length === 0 && !evidenceExpired) {
      unchangedItems += 1;
      continue;
    }
    items.push({
      itemId: item.itemId,
      title: item.title,
      section: item.section,
      before: verdictBefore,
      after: verdictAfter,
      added,
      fixed,
      evidenceExpired,
      expiredOn: evidenceExpired ? (after?.attestationExpires ?? null) : null,
    });
  }
  return { from: header(a), to: header(b), items, unchangedItems, warnings };
}

/** A side from an assessment document (a file). */
export function diffSideFromAssessment(label: string, assessment: Assessment): DiffSide {
  return {
    label,
    generatedAt: assessment.generatedAt,
    frameworkId: assessment.framework.id,
    scopeName: assessment.scope.name ?? null,
    readiness: assessment.summary.readiness,
    items: assessment.items.map((i) => ({
      itemId: i.itemId,
      title: i.title,
      section: i.section,
      verdict: i.verdict,
      checkIds: i.checkIds ?? [],
      attestationExpired: i.attestation?.expired === true,
      attestationExpires: i.attestation?.expires ?? null,
    })),
    failing: assessment.findings
      .filter((f) => f.status === 'FAIL')
      .map((f) => ({ checkId: f.checkId, accountId: f.accountId, region: f.region ?? null, resourceType: f.resourceType, resourceId: f.resourceId })),
  };
}

/** A side from a stored assessment: item rows and FAIL rows only. */
export async function diffSideFromStore(repositories: Pick<Repositories, 'assessments'>, id: number): Promise<DiffSide> {
  const stored = await repositories.assessments.require(id);
  const items = await repositories.assessments.items(id);
  return {
    label: `#${id}`,
    generatedAt: stored.generatedAt,
    frameworkId: stored.frameworkId,
    scopeName: stored.scopeName,
    readiness: stored.readiness,
    items: items.map((i) => ({
      itemId: i.itemId,
      title: i.title,
      section: i.section,
      verdict: i.verdict,
      checkIds: i.checkIds ?? [],
      attestationExpired: i.attestation?.expired === true,
      attestationExpires: i.attestation?.expires ?? null,
    })),
    failing: await repositories.assessments.failingResources(id),
  };
}
