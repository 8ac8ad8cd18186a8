/**
 * Assessments. The stored assessment IS its JSON document (a gzip blob addressed by sha256; recording the
 * same document twice is one assessment). When it is recorded, three derived views are written in the
 * same transaction so pages never parse the whole document (a 100k-finding assessment is ~500 MB of JSON):
 *   - indexed columns on `assessments` (framework, scope, time, readiness and verdict counts) for lists;
 *   - `header_json`: the document without `items`, `findings` and `resources` (checks, sections, costs...);
 *   - one row per item (`assessment_items`), per finding (`findings`) and per resource (`resources`), each
 *     with its JSON and the few columns that are filtered on.
 * Only those few columns are read from the Assessment type; every other field rides along in the JSON,
 * so new fields (per-item check roles, advisories, ...) need no migration.
 */
import type { Assessment, ItemResult, ItemVerdict } from '../../core/assessment.js';
import { SEVERITIES, type Finding, type Severity } from '../../core/finding.js';
import { parseAssessment } from '../../io/assessment-file.js';
import type { Scope } from '../../scope/types.js';
import { encodeJson } from '../content.js';
import { NotFoundError } from '../errors.js';
import { decodeScope, encodeScope } from '../scope-definition.js';
import type { AssessmentRow, Database } from '../schema.js';
import { BlobRepository } from './blobs.js';
import { appendAudit, chunks, inTransaction, type Actor, type RepositoryContext } from './context.js';
import type { Kysely } from 'kysely';

export const ASSESSMENT_MEDIA_TYPE = 'application/vnd.ftr-ready.assessment+json';

export interface StoredAssessment {
  readonly id: number;
  readonly scanId: number | null;
  readonly documentSha256: string;
  readonly schemaVersion: string;
  readonly toolVersion: string;
  readonly frameworkId: string;
  readonly frameworkVersion: string;
  readonly delivery: string;
  readonly scopeName: string | null;
  readonly caseStudyId: string | null;
  readonly generatedAt: string;
  readonly scanStartedAt: string;
  readonly scanFinishedAt: string;
  readonly snapshotComplete: boolean;
  readonly readiness: { readonly met: number; readonly applicable: number };
  readonly items: Readonly<Record<ItemVerdict, number>>;
  readonly findings: { readonly total: number; readonly fail: number };
  /** FAIL findings per severity, counted when recorded (migration 0003). */
  readonly failsBySeverity: Readonly<Record<Severity, number>>;
  readonly source: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** The assessment document without its three big arrays. */
export type AssessmentHeader = Omit<Assessment, 'items' | 'findings' | 'resources'>;

export interface FindingFilter {
  readonly checkIds?: readonly string[];
  readonly statuses?: readonly string[];
  readonly severities?: readonly string[];
  readonly accountId?: string;
  readonly region?: string | null;
  readonly limit?: number;
  readonly offset?: number;
}

/** A failing finding's resource, for per-item diffs (no JSON parsing). */
export interface FailingResource {
  readonly checkId: string;
  readonly accountId: string;
  readonly region: string | null;
  readonly resourceType: string;
  readonly resourceId: string;
}

export interface ItemHistoryEntry {
  readonly assessmentId: number;
  readonly generatedAt: string;
  readonly verdict: string;
}

/**
 * Every column of `assessments` but `header_json` (tens of KB each): what lists and look-ups read. The
 * header is read by `header()` only, for the one assessment a page shows.
 */
const LIST_COLUMNS = [
  'id',
  'scan_id',
  'document_sha256',
  'schema_version',
  'tool_version',
  'framework_id',
  'framework_version',
  'delivery',
  'scope_name',
  'case_study_id',
  'generated_at',
  'scan_started_at',
  'scan_finished_at',
  'snapshot_complete',
  'readiness_met',
  'readiness_applicable',
  'items_met',
  'items_not_met',
  'items_needs_evidence',
  'items_not_applicable',
  'items_unknown',
  'findings_total',
  'findings_fail',
  'fails_critical',
  'fails_high',
  'fails_medium',
  'fails_low',
  'fails_info',
  'source',
  'recorded_at',
  'recorded_by',
] as const satisfies readonly (keyof AssessmentRow)[];

type ListRow = Pick<AssessmentRow, (typeof LIST_COLUMNS)[number]>;

/** An item's verdict columns (no JSON): what "changed since the previous assessment" compares. */
export interface ItemVerdictRow {
  readonly itemId: string;
  readonly verdict: ItemVerdict;
  readonly attestationExpired: boolean;
}

export function toStoredAssessment(row: ListRow): StoredAssessment {
  return {
    id: row.id,
    scanId: row.scan_id,
    documentSha256: row.document_sha256,
    schemaVersion: row.schema_version,
    toolVersion: row.tool_version,
    frameworkId: row.framework_id,
    frameworkVersion: row.framework_version,
    delivery: row.delivery,
    scopeName: row.scope_name === '' ? null : row.scope_name,
    caseStudyId: row.case_study_id,
    generatedAt: row.generated_at,
    scanStartedAt: row.scan_started_at,
    scanFinishedAt: row.scan_finished_at,
    snapshotComplete: row.snapshot_complete === 1,
    readiness: { met: row.readiness_met, applicable: row.readiness_applicable },
    items: {
      MET: row.items_met,
      NOT_MET: row.items_not_met,
      NEEDS_EVIDENCE: row.items_needs_evidence,
      NOT_APPLICABLE: row.items_not_applicable,
      UNKNOWN: row.items_unknown,
    },
    findings: { total: row.findings_total, fail: row.findings_fail },
    failsBySeverity: { critical: row.fails_critical, high: row.fails_high, medium: row.fails_medium, low: row.fails_low, info: row.fails_info },
    source: row.source,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  };
}

/** Rows per multi-row INSERT: stays far below SQLite's 32766 and PostgreSQL's 65535 bound parameters. */
const BATCH = 400;

const count = (items: readonly ItemResult[], verdict: ItemVerdict): number => items.filter((i) => i.verdict === verdict).length;

export class AssessmentRepository {
  private readonly blobs: BlobRepository;
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
    this.blobs = new BlobRepository(ctx);
  }

  /**
   * Records an assessment (and its derived rows) in one transaction; `created: false` when the identical
   * document is already stored. `scanId` links it to the scan it was evaluated from, when known; `scope` is
   * the scope it was evaluated with (kept so the dashboard can re-evaluate it the same way).
   */
  async record(
    assessment: Assessment,
    options: { scanId: number | null; source: string; actor: Actor; scope?: Scope | null },
  ): Promise<{ assessment: StoredAssessment; created: boolean }> {
    const encoded = await encodeJson(JSON.stringify(assessment));
    const { items, findings, resources: _resources, ...header } = assessment;
    const scopeDefinition = options.scope && options.scope.name === assessment.scope.name ? encodeScope(options.scope) : null;
    return inTransaction(this.ctx.db, async (db) => {
      const existing = await db.selectFrom('assessments').select(LIST_COLUMNS).where('document_sha256', '=', encoded.sha256).executeTakeFirst();
      if (existing) {
        // The same document imported earlier without its scope file: the definition is learnt now.
        if (scopeDefinition !== null) {
          await db.updateTable('assessments').set({ scope_definition: scopeDefinition }).where('id', '=', existing.id).where('scope_definition', 'is', null).execute();
        }
        return { assessment: toStoredAssessment(existing), created: false };
      }
      await new BlobRepository({ ...this.ctx, db }).put(encoded, ASSESSMENT_MEDIA_TYPE);
      const readiness = assessment.summary?.readiness;
      const now = this.ctx.now();
      const fails = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
      for (const f of findings) if (f.status === 'FAIL' && f.severity in fails) fails[f.severity] += 1;
      const row = await db
        .insertInto('assessments')
        .values({
          scan_id: options.scanId,
          document_sha256: encoded.sha256,
          schema_version: assessment.schemaVersion,
          tool_version: assessment.tool?.version ?? '',
          framework_id: assessment.framework.id,
          framework_version: assessment.framework.version,
          delivery: assessment.deliveryCategory,
          scope_name: assessment.scope.name ?? '',
          case_study_id: assessment.caseStudy?.id ?? null,
          generated_at: assessment.generatedAt,
          scan_started_at: assessment.scope.scanStartedAt,
          scan_finished_at: assessment.scope.scanFinishedAt,
          snapshot_complete: assessment.scope.snapshotComplete ? 1 : 0,
          readiness_met: readiness?.met ?? count(items, 'MET'),
          readiness_applicable: readiness?.applicable ?? items.length - count(items, 'NOT_APPLICABLE'),
          items_met: count(items, 'MET'),
          items_not_met: count(items, 'NOT_MET'),
          items_needs_evidence: count(items, 'NEEDS_EVIDENCE'),
          items_not_applicable: count(items, 'NOT_APPLICABLE'),
          items_unknown: count(items, 'UNKNOWN'),
          findings_total: findings.length,
          findings_fail: findings.filter((f) => f.status === 'FAIL').length,
          fails_critical: fails.critical,
          fails_high: fails.high,
          fails_medium: fails.medium,
          fails_low: fails.low,
          fails_info: fails.info,
          header_json: JSON.stringify(header),
          source: options.source,
          recorded_at: now,
          recorded_by: options.actor.label,
          scope_definition: scopeDefinition,
        })
        .returning(LIST_COLUMNS)
        .executeTakeFirstOrThrow();
      await insertDerivedRows(db, row.id, assessment);
      await appendAudit(db, now, options.actor, {
        action: 'assessment.record',
        targetType: 'assessment',
        targetId: row.id,
        detail: { source: options.source, framework: row.framework_id, scope: row.scope_name, sha256: encoded.sha256, findings: findings.length },
      });
      return { assessment: toStoredAssessment(row), created: true };
    });
  }

  /** The scope the assessment was evaluated with, when it was recorded with one (migration 0006). */
  async scopeDefinition(id: number): Promise<Scope | null> {
    const row = await this.ctx.db.selectFrom('assessments').select('scope_definition').where('id', '=', id).executeTakeFirst();
    return decodeScope(row?.scope_definition ?? null);
  }

  /**
   * The scopes the workspace knows: for each scope name, the definition of its newest assessment recorded
   * with one (the dashboard's scan form offers them). Sorted by name.
   */
  async scopeDefinitions(): Promise<Scope[]> {
    const newest = this.ctx.db
      .selectFrom('assessments')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('scope_definition', 'is not', null)
      .groupBy('scope_name');
    const rows = await this.ctx.db.selectFrom('assessments').select(['scope_name', 'scope_definition']).where('id', 'in', newest).orderBy('scope_name').execute();
    return rows.flatMap((row) => decodeScope(row.scope_definition) ?? []);
  }

  async get(id: number): Promise<StoredAssessment | null> {
    const row = await this.ctx.db.selectFrom('assessments').select(LIST_COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toStoredAssessment(row) : null;
  }

  async require(id: number): Promise<StoredAssessment> {
    const found = await this.get(id);
    if (!found) throw new NotFoundError(`No assessment ${id} in the store; \`ftr history\` lists them.`);
    return found;
  }

  /** Newest first (by generation time). `scopeName: null` = unscoped assessments only. */
  async list(filter: { frameworkId?: string; scopeName?: string | null; limit?: number } = {}): Promise<StoredAssessment[]> {
    let query = this.ctx.db.selectFrom('assessments').select(LIST_COLUMNS);
    if (filter.frameworkId !== undefined) query = query.where('framework_id', '=', filter.frameworkId);
    if (filter.scopeName !== undefined) query = query.where('scope_name', '=', filter.scopeName ?? '');
    const rows = await query.orderBy('generated_at', 'desc').orderBy('id', 'desc').limit(filter.limit ?? 1_000).execute();
    return rows.map(toStoredAssessment);
  }

  /** The assessment of the same framework and scope generated just before this one. */
  async previous(id: number): Promise<StoredAssessment | null> {
    const current = await this.require(id);
    const row = await this.ctx.db
      .selectFrom('assessments')
      .select(LIST_COLUMNS)
      .where('framework_id', '=', current.frameworkId)
      .where('scope_name', '=', current.scopeName ?? '')
      .where((eb) => eb.or([eb('generated_at', '<', current.generatedAt), eb.and([eb('generated_at', '=', current.generatedAt), eb('id', '<', id)])]))
      .orderBy('generated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toStoredAssessment(row) : null;
  }

  /** The whole document, exactly as recorded. Parses everything: for exports, not for pages. */
  async loadDocument(id: number): Promise<Assessment> {
    const stored = await this.require(id);
    const blob = await this.blobs.get(stored.documentSha256);
    if (!blob) throw new NotFoundError(`The document of assessment ${id} is missing from the store.`);
    return parseAssessment(blob.bytes.toString('utf8'), `assessment ${id}`);
  }

  async header(id: number): Promise<AssessmentHeader> {
    const row = await this.ctx.db.selectFrom('assessments').select('header_json').where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(`No assessment ${id} in the store; \`ftr history\` lists them.`);
    return JSON.parse(row.header_json) as AssessmentHeader;
  }

  /** Items in checklist order. */
  async items(id: number): Promise<ItemResult[]> {
    const rows = await this.ctx.db.selectFrom('assessment_items').select('document').where('assessment_id', '=', id).orderBy('seq').execute();
    return rows.map((r) => JSON.parse(r.document) as ItemResult);
  }

  /** Each item's verdict, from columns (no JSON parsed), in checklist order. */
  async itemVerdicts(id: number): Promise<ItemVerdictRow[]> {
    const rows = await this.ctx.db
      .selectFrom('assessment_items')
      .select(['item_id', 'verdict', 'attestation_expired'])
      .where('assessment_id', '=', id)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({ itemId: r.item_id, verdict: r.verdict as ItemVerdict, attestationExpired: r.attestation_expired === 1 }));
  }

  async item(id: number, itemId: string): Promise<ItemResult | null> {
    const row = await this.ctx.db
      .selectFrom('assessment_items')
      .select('document')
      .where('assessment_id', '=', id)
      .where('item_id', '=', itemId)
      .executeTakeFirst();
    return row ? (JSON.parse(row.document) as ItemResult) : null;
  }

  /** Findings in document order, filtered in the database (an item page passes its checkIds). */
  async findings(id: number, filter: FindingFilter = {}): Promise<Finding[]> {
    let query = this.ctx.db.selectFrom('findings').select('document').where('assessment_id', '=', id);
    if (filter.checkIds !== undefined) {
      if (filter.checkIds.length === 0) return [];
      query = query.where('check_id', 'in', [...filter.checkIds]);
    }
    if (filter.statuses !== undefined && filter.statuses.length > 0) query = query.where('status', 'in', [...filter.statuses]);
    if (filter.severities !== undefined && filter.severities.length > 0) query = query.where('severity', 'in', [...filter.severities]);
    if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
    if (filter.region !== undefined) query = filter.region === null ? query.where('region', 'is', null) : query.where('region', '=', filter.region);
    query = query.orderBy('seq');
    if (filter.limit !== undefined) query = query.limit(filter.limit).offset(filter.offset ?? 0);
    const rows = await query.execute();
    return rows.map((r) => JSON.parse(r.document) as Finding);
  }

  async failingResources(id: number): Promise<FailingResource[]> {
    const rows = await this.ctx.db
      .selectFrom('findings')
      .select(['check_id', 'account_id', 'region', 'resource_type', 'resource_id'])
      .where('assessment_id', '=', id)
      .where('status', '=', 'FAIL')
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({ checkId: r.check_id, accountId: r.account_id, region: r.region, resourceType: r.resource_type, resourceId: r.resource_id }));
  }

  /** FAIL counts by severity (the overview's blockers): columns written when recorded, no count of findings. */
  async failCountsBySeverity(id: number): Promise<Record<string, number>> {
    return { ...(await this.require(id)).failsBySeverity };
  }

  /** An item's verdict in every stored assessment of the framework and scope, oldest first. */
  async itemHistory(itemId: string, filter: { frameworkId: string; scopeName: string | null }): Promise<ItemHistoryEntry[]> {
    const rows = await this.ctx.db
      .selectFrom('assessment_items as i')
      .innerJoin('assessments as a', 'a.id', 'i.assessment_id')
      .select(['a.id', 'a.generated_at', 'i.verdict'])
      .where('i.item_id', '=', itemId)
      .where('a.framework_id', '=', filter.frameworkId)
      .where('a.scope_name', '=', filter.scopeName ?? '')
      .orderBy('a.generated_at')
      .orderBy('a.id')
      .execute();
    return rows.map((r) => ({ assessmentId: r.id, generatedAt: r.generated_at, verdict: r.verdict }));
  }

  /** Attestations whose effective expiry is on or before `day` (YYYY-MM-DD), not yet expired. */
  async expiringAttestations(id: number, day: string): Promise<{ itemId: string; expires: string }[]> {
    const rows = await this.ctx.db
      .selectFrom('assessment_items')
      .select(['item_id', 'attestation_expires'])
      .where('assessment_id', '=', id)
      .where('attestation_expired', '=', 0)
      .where('attestation_expires', 'is not', null)
      .where('attestation_expires', '<=', day)
      .orderBy('attestation_expires')
      .execute();
    return rows.map((r) => ({ itemId: r.item_id, expires: r.attestation_expires ?? '' }));
  }

  async countFindings(id: number): Promise<number> {
    const row = await this.ctx.db
      .selectFrom('findings')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('assessment_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

async function insertDerivedRows(db: Kysely<Database>, assessmentId: number, assessment: Assessment): Promise<void> {
  const itemRows = assessment.items.map((item, seq) => ({
    assessment_id: assessmentId,
    item_id: item.itemId,
    seq,
    section: item.section,
    verdict: item.verdict,
    attestation_expired: item.attestation?.expired === true ? 1 : 0,
    attestation_expires: item.attestation?.expires ?? null,
    document: JSON.stringify(item),
  }));
  for (const batch of chunks(itemRows, BATCH)) await db.insertInto('assessment_items').values(batch).execute();

  const findingRows = assessment.findings.map((f, seq) => ({
    assessment_id: assessmentId,
    seq,
    check_id: f.checkId,
    status: f.status,
    severity: f.severity,
    account_id: f.accountId,
    region: f.region ?? null,
    resource_type: f.resourceType,
    resource_id: f.resourceId,
    resource_arn: f.resourceArn ?? null,
    suppressed: f.suppression ? 1 : 0,
    document: JSON.stringify(f),
  }));
  for (const batch of chunks(findingRows, BATCH)) await db.insertInto('findings').values(batch).execute();

  const resourceRows = assessment.resources.map((r, seq) => ({
    assessment_id: assessmentId,
    seq,
    account_id: r.accountId,
    region: r.region ?? null,
    resource_type: r.resourceType,
    resource_id: r.resourceId,
    document: JSON.stringify(r),
  }));
  for (const batch of chunks(resourceRows, BATCH)) await db.insertInto('resources').values(batch).execute();
}
