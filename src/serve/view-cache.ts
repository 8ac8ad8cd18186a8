/**
 * What the overview and the item page derive from a stored assessment, kept in memory between requests.
 * A stored assessment never changes (its rows are written once, with its document addressed by sha256;
 * saving an attestation records a NEW assessment), so the cache key is the document's sha256 and nothing
 * is ever invalidated, only evicted (least recently used). Live data (attestations, history, the list of
 * assessments) is never cached: the pages read it on every request.
 *
 * Why: parsing the header (tens of KB of check metadata and costs) and the item rows, and building the
 * report model, cost more CPU per request than every query of the page together (docs/benchmarks.md).
 */
import type { ItemResult } from '../core/assessment.js';
import { buildReportModel, type ReportItem, type ReportModel } from '../report/model.js';
import type { Repositories } from '../store/db.js';
import type { AssessmentHeader, ItemVerdictRow, StoredAssessment } from '../store/repositories/assessments.js';

/** A small least-recently-used map (Map keeps insertion order; a hit is re-inserted at the end). */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();
  private readonly capacity: number;
  constructor(capacity: number) {
    this.capacity = Math.max(1, capacity);
  }

  get(key: K): V | undefined {
    const hit = this.entries.get(key);
    if (hit === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as K;
      this.entries.delete(oldest);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The overview's view of one assessment: header and items parsed once, the report model without findings. */
export interface LightView {
  readonly header: AssessmentHeader;
  readonly items: readonly ItemResult[];
  readonly model: ReportModel;
}

/** The item page's immutable part: the item row, and its report item built from its findings. */
export interface ItemModelView {
  readonly row: ItemResult;
  readonly item: ReportItem;
}

type AssessmentReads = Pick<Repositories, 'assessments'>;

export class AssessmentViewCache {
  private readonly light = new LruCache<string, Promise<LightView>>(64);
  private readonly verdicts = new LruCache<string, Promise<ItemVerdictRow[]>>(64);
  private readonly items = new LruCache<string, Promise<ItemModelView | null>>(256);

  /** Header + item rows + the report model built from them (no findings): what the overview shows. */
  lightView(store: AssessmentReads, stored: StoredAssessment): Promise<LightView> {
    return this.shared(this.light, stored.documentSha256, async () => {
      const [header, items] = await Promise.all([store.assessments.header(stored.id), store.assessments.items(stored.id)]);
      return { header, items, model: buildReportModel({ ...header, items, findings: [], resources: [] }, { passingSampleSize: 0 }) };
    });
  }

  /** Each item's verdict (columns only): what "changed since the previous assessment" compares with. */
  itemVerdicts(store: AssessmentReads, stored: StoredAssessment): Promise<ItemVerdictRow[]> {
    return this.shared(this.verdicts, stored.documentSha256, () => store.assessments.itemVerdicts(stored.id));
  }

  /** One item's report model (or null when the assessment has no such item); `load` reads its rows. */
  itemModel(stored: StoredAssessment, itemId: string, load: () => Promise<ItemModelView | null>): Promise<ItemModelView | null> {
    return this.shared(this.items, `${stored.documentSha256}|${itemId}`, load);
  }

  /** Caches the promise (concurrent requests share one load); a failed load is not kept. */
  private shared<V>(cache: LruCache<string, Promise<V>>, key: string, load: () => Promise<V>): Promise<V> {
    const hit = cache.get(key);
    if (hit) return hit;
    const pending = load();
    cache.set(key, pending);
    pending.catch(() => {
      if (cache.peek(key) === pending) cache.delete(key);
    });
    return pending;
  }
}
