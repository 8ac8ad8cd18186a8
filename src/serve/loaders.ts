/**
 * The item page's data, read through indexed queries only (an item row, the findings of its checks that
 * need attention, a few passing ones, its history): it answers in milliseconds with 100k findings stored.
 */
import type { FrameworkItem } from '../core/framework.js';
import { getFramework } from '../frameworks/index.js';
import { buildReportModel } from '../report/model.js';
import type { Store } from '../store/db.js';
import { NotFoundError } from '../store/errors.js';
import type { ItemView } from './pages/item.js';

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

export async function loadItemView(store: Store, assessmentId: number, itemId: string): Promise<ItemView> {
  const stored = await store.assessments.require(assessmentId);
  const row = await store.assessments.item(assessmentId, itemId);
  if (!row) throw new NotFoundError(`Assessment #${assessmentId} has no item ${itemId}.`);
  const checkIds = row.checkIds ?? [];
  const [header, attention, passing, history, attestation, newest] = await Promise.all([
    store.assessments.header(assessmentId),
    store.assessments.findings(assessmentId, { checkIds, statuses: ['FAIL', 'UNKNOWN', 'MANUAL'], limit: ATTENTION_LIMIT }),
    store.assessments.findings(assessmentId, { checkIds, statuses: ['PASS'], limit: PASSING_SAMPLE * 4 }),
    store.assessments.itemHistory(itemId, { frameworkId: stored.frameworkId, scopeName: stored.scopeName }),
    store.attestations.get({ frameworkId: stored.frameworkId, scopeName: stored.scopeName, kind: 'item', subject: itemId }),
    store.assessments.list({ frameworkId: stored.frameworkId, scopeName: stored.scopeName, limit: 1 }),
  ]);
  const model = buildReportModel({ ...header, items: [row], findings: [...attention, ...passing], resources: [] }, {
    passingSampleSize: PASSING_SAMPLE,
  });
  const built = model.sections.flatMap((s) => s.items).find((i) => i.itemId === itemId);
  if (!built) throw new NotFoundError(`Assessment #${assessmentId} has no item ${itemId}.`);
  // The item row carries the counts of every deciding finding; the page loaded only some of them.
  const item = { ...built, counts: row.findingCounts ?? built.counts };
  const attentionTotal = (item.counts.FAIL ?? 0) + (item.counts.UNKNOWN ?? 0) + (item.counts.MANUAL ?? 0);
  const newer = newest[0] && newest[0].id !== assessmentId ? newest[0] : null;
  return {
    stored,
    item,
    definition: catalogItem(stored.frameworkId, itemId),
    attentionShown: item.attention.length,
    attentionTotal: Math.max(attentionTotal, item.attention.length),
    attestation,
    attestationHistory: attestation ? await store.attestations.history({ frameworkId: stored.frameworkId, scopeName: stored.scopeName, kind: 'item', subject: itemId }) : [],
    history,
    newer,
  };
}
