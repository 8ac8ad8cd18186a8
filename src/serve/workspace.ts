/**
 * What the dashboard does with the store beyond reading a page: the bundled sample for a newcomer,
 * evaluating a stored scan with the stored attestations (after a save, after a scan), and the report model
 * of a stored assessment (cached: a stored document never changes, it is addressed by its sha256).
 */
import { fileURLToPath } from 'node:url';
import { ALL_CHECKS } from '../checks/index.js';
import type { Assessment } from '../core/assessment.js';
import type { DeliveryCategory, Framework } from '../core/framework.js';
import type { Snapshot } from '../core/snapshot.js';
import { evaluate } from '../evaluate/evaluate.js';
import { getFramework } from '../frameworks/index.js';
import { caseStudyOf } from '../cli/write-assessment.js';
import { applyScope } from '../scope/apply-scope.js';
import type { Scope } from '../scope/types.js';
import { readSnapshot } from '../io/snapshot-file.js';
import { buildReportModel, type ReportModel } from '../report/model.js';
import { exportAttestations } from '../store/attestations-yaml.js';
import type { Actor, Repositories, Store } from '../store/db.js';
import type { StoredAssessment } from '../store/repositories/assessments.js';
import { TOOL_VERSION } from '../version.js';

export const SAMPLE_SNAPSHOT = fileURLToPath(new URL('../../samples/sample-org.snapshot.json.gz', import.meta.url));
export const SAMPLE_FRAMEWORK = 'ftr-partner-hosted';
export const SAMPLE_DELIVERY: DeliveryCategory = 'multi-tenant-saas';

/**
 * Evaluates a snapshot with the attestations stored for the framework and scope (none: the unscoped ones)
 * and records the assessment, linked to its scan and with its scope, in one transaction. A scope is applied
 * exactly as `ftr evaluate --scope` applies it (applyScope, the scope's attestations, its case study).
 */
export async function evaluateAndRecord(
  store: Store,
  input: { snapshot: Snapshot; scanId: number; framework: Framework; delivery: DeliveryCategory; actor: Actor; source: string; scope?: Scope | null },
): Promise<StoredAssessment> {
  const now = new Date().toISOString();
  const scope = input.scope ?? null;
  const { set } = await exportAttestations(store, { framework: input.framework, delivery: input.delivery, scopeName: scope?.name ?? null, now });
  const assessment = evaluate(scope ? applyScope(input.snapshot, scope) : input.snapshot, input.framework, {
    delivery: input.delivery,
    checks: ALL_CHECKS,
    toolVersion: TOOL_VERSION,
    now,
    scopeName: scope?.name ?? null,
    attestations: set.items,
    gatingAnswers: set.gatingAnswers,
    suppressions: set.suppressions,
    caseStudy: caseStudyOf(scope),
  });
  const { assessment: stored } = await store.assessments.record(assessment, { scanId: input.scanId, source: input.source, actor: input.actor, scope });
  return stored;
}

/**
 * A store with no assessment gets the bundled sample (a scan of an emulated Organization) evaluated for
 * FTR Partner-Hosted, so `ftr serve` on a fresh clone shows a populated workspace with no AWS credentials.
 */
export async function ensureSampleWorkspace(store: Store, actor: Actor, snapshotPath = SAMPLE_SNAPSHOT): Promise<StoredAssessment | null> {
  if ((await store.assessments.list({ limit: 1 })).length > 0) return null;
  const snapshot = await readSnapshot(snapshotPath);
  const { scan } = await store.scans.record(snapshot, { source: 'sample', actor });
  return evaluateAndRecord(store, { snapshot, scanId: scan.id, framework: getFramework(SAMPLE_FRAMEWORK), delivery: SAMPLE_DELIVERY, actor, source: 'sample' });
}

export type ReevaluateResult =
  | { readonly ok: true; readonly assessment: StoredAssessment }
  | { readonly ok: false; readonly reason: string };

/**
 * After an attestation changed: evaluate the assessment's scan again with the stored attestations and
 * record the result as the newest assessment (the history keeps the one before). A scoped assessment
 * (a workload or case study) is re-evaluated with the scope it was recorded with (`ftr evaluate --scope
 * ... --db` stores it); one imported without its scope file cannot be, and says so.
 */
export async function reevaluate(store: Store, assessmentId: number, actor: Actor): Promise<ReevaluateResult> {
  const stored = await store.assessments.require(assessmentId);
  const scope = stored.scopeName !== null ? await store.assessments.scopeDefinition(assessmentId) : null;
  if (stored.scopeName !== null && scope === null) {
    return {
      ok: false,
      reason: `Assessment #${assessmentId} is of the scope "${stored.scopeName}", recorded without its scope definition; run \`ftr evaluate --scope <file> --scope-name ${stored.scopeName} --db\` once to re-evaluate it (later saves then re-evaluate it here).`,
    };
  }
  if (stored.scanId === null) {
    return { ok: false, reason: `Assessment #${assessmentId} has no stored scan; import its snapshot (\`ftr import snapshot.json.gz\`) to re-evaluate it here.` };
  }
  const scan = await store.scans.get(stored.scanId);
  if (!scan || scan.storage !== 'snapshot') return { ok: false, reason: `The scan of assessment #${assessmentId} has no single stored snapshot.` };
  const snapshot = await store.scans.loadSnapshot(stored.scanId);
  const assessment = await evaluateAndRecord(store, {
    snapshot,
    scanId: stored.scanId,
    framework: getFramework(stored.frameworkId),
    delivery: stored.delivery as DeliveryCategory,
    actor,
    source: 'web',
    scope,
  });
  return { ok: true, assessment };
}

/**
 * The report model of a stored assessment for the Assessment page and the exports. Building it parses the
 * whole document (a 100k-finding one takes seconds), so the last few are kept: a stored document never
 * changes.
 */
export class ReportModelCache {
  private readonly entries = new Map<string, { model: ReportModel; assessment: Assessment }>();
  private readonly size: number;
  constructor(size = 3) {
    this.size = size;
  }

  async get(repositories: Pick<Repositories, 'assessments'>, id: number, previousId: number | null): Promise<{ model: ReportModel; assessment: Assessment }> {
    const key = `${id}|${previousId ?? ''}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const assessment = await repositories.assessments.loadDocument(id);
    const previous = previousId === null ? null : await repositories.assessments.loadDocument(previousId);
    const entry = { model: buildReportModel(assessment, { previous }), assessment };
    this.entries.set(key, entry);
    while (this.entries.size > this.size) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return entry;
  }
}
