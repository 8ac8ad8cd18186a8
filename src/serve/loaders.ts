/**
 * The item page's data. The immutable part (the item row, its findings that need attention, a few passing
 * ones, the report item built from them) is read through indexed queries once per stored assessment and
 * kept in the AssessmentViewCache; the live part (the attestation and its versions, the item's history,
 * the newest assessment) is read on every request. See docs/benchmarks.md (dashboard section).
 */
import type { FrameworkItem, GatingQuestion } from '../core/framework.js';
import { getFramework } from '../frameworks/index.js';
import { buildReportModel } from '../report/model.js';
import type { Store } from '../store/db.js';
import { NotFoundError } from '../store/errors.js';
import type { ItemView } from './pages/item.js';
import { AssessmentViewCache, type ItemModelView } from './view-cache.js';

/** Results that need attention shown on an item page; the exports have all of them. */
export const ATTENTION_LIMIT = 100;
const PASSING_SAMPLE = 3;

function catalogItem(frameworkId: string, itemId: string): FrameworkItem | null {
  try {
    return getFramework(frameworkId).items.find((i) => i.id === itemId) ?? null;
  } catch {
    return null;
  }
}

function gatingQuestion(frameworkId: string, questionId: string): GatingQuestion | null {
  try {
    return getFramework(frameworkId).gatingQuestions.find((q) => q.id === questionId) ?? null;
  } catch {
    return null;
  }
}

export async function loadItemView(store: Store, assessmentId: number, itemId: string, cache = new AssessmentViewCache()): Promise<ItemView> {
  const stored = await store.assessments.require(assessmentId);
  const built = await cache.itemModel(stored, itemId, async (): Promise<ItemModelView | null> => {
    const row = await store.assessments.item(assessmentId, itemId);
    if (!row) return null;
    const checkIds = row.checkIds ?? [];
    const [{ header }, attention, passing] = await Promise.all([
      cache.lightView(store, stored),
      store.assessments.findings(assessmentId, { checkIds, statuses: ['FAIL', 'UNKNOWN', 'MANUAL'], limit: ATTENTION_LIMIT }),
      store.assessments.findings(assessmentId, { checkIds, statuses: ['PASS'], limit: PASSING_SAMPLE * 4 }),
    ]);
    const model = buildReportModel({ ...header, items: [row], findings: [...attention, ...passing], resources: [] }, { passingSampleSize: PASSING_SAMPLE });
    const item = model.sections.flatMap((s) => s.items).find((i) => i.itemId === itemId);
    if (!item) return null;
    // The item row carries the counts of every deciding finding; the page loaded only some of them.
    return { row, item: { ...item, counts: row.findingCounts ?? item.counts } };
  });
  if (!built) throw new NotFoundError(`Assessment #${assessmentId} has no item ${itemId}.`);
  const { item } = built;
  const key = { frameworkId: stored.frameworkId, scopeName: stored.scopeName, kind: 'item' as const, subject: itemId };
  const [history, attestation, newest] = await Promise.all([
    store.assessments.itemHistory(itemId, { frameworkId: stored.frameworkId, scopeName: stored.scopeName }),
    store.attestations.get(key),
    store.assessments.list({ frameworkId: stored.frameworkId, scopeName: stored.scopeName, limit: 1 }),
  ]);
  const definition = catalogItem(stored.frameworkId, itemId);
  const question = definition?.gatedBy ? gatingQuestion(stored.frameworkId, definition.gatedBy) : null;
  const gating = question
    ? { question, answer: await store.attestations.get({ frameworkId: stored.frameworkId, scopeName: stored.scopeName, kind: 'gating', subject: question.id }) }
    : null;
  const attentionTotal = (item.counts.FAIL ?? 0) + (item.counts.UNKNOWN ?? 0) + (item.counts.MANUAL ?? 0);
  const newer = newest[0] && newest[0].id !== assessmentId ? newest[0] : null;
  return {
    stored,
    item,
    definition,
    attentionShown: item.attention.length,
    attentionTotal: Math.max(attentionTotal, item.attention.length),
    attestation,
    attestationHistory: attestation ? await store.attestations.versions(attestation.id) : [],
    history,
    newer,
    gating,
  };
}
