/**
 * Attestations as versioned records. One row per (framework, scope, kind, subject) holds the current
 * document and its version; every change adds a row to attestation_versions (who, when, from where, the
 * document before and after) and a line to the audit log, in one transaction.
 *
 * Optimistic concurrency: a writer says which version it edited (`expectedVersion`, 0 for "new"). The
 * write is a single conditional statement (`UPDATE ... WHERE version = expected`, or an insert that a
 * unique key guards), so of two writers that edited the same version exactly one wins and the other gets
 * a ConflictError naming who changed it. The last writer never silently wins. The conditional statement
 * is also the first of its transaction, so SQLite takes its write lock before reading anything.
 */
import { UserError } from '../../core/errors.js';
import { getFramework, UnknownFrameworkError } from '../../frameworks/index.js';
import { validateAttestationDocument, sameDocument, type AttestationDocument } from '../attestation-documents.js';
import { ConflictError, isUniqueViolation, NotFoundError } from '../errors.js';
import type { AttestationKind, AttestationRow } from '../schema.js';
import { appendAudit, inTransaction, type Actor, type RepositoryContext } from './context.js';
import { EvidenceRepository } from './evidence.js';

export interface AttestationKey {
  readonly frameworkId: string;
  /** null = not scoped. */
  readonly scopeName: string | null;
  readonly kind: AttestationKind;
  readonly subject: string;
}

export interface StoredAttestation extends AttestationKey {
  readonly id: number;
  readonly version: number;
  /** null once deleted (the record and its history are kept). */
  readonly document: AttestationDocument | null;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface AttestationChange {
  readonly version: number;
  readonly before: AttestationDocument | null;
  readonly after: AttestationDocument | null;
  readonly changedAt: string;
  readonly changedBy: string;
  readonly source: string;
}

export interface SaveAttestation extends AttestationKey {
  readonly document: unknown;
  /** The version the writer read and edited; 0 when it created a new entry. */
  readonly expectedVersion: number;
  readonly actor: Actor;
  /** 'web', 'import', 'cli'. */
  readonly source: string;
}

function toStored(row: AttestationRow): StoredAttestation {
  return {
    id: row.id,
    frameworkId: row.framework_id,
    scopeName: row.scope_name === '' ? null : row.scope_name,
    kind: row.kind,
    subject: row.subject,
    version: row.version,
    document: row.document === null ? null : (JSON.parse(row.document) as AttestationDocument),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

const describeKey = (k: AttestationKey) => `The ${k.kind} attestation ${k.subject} (${k.frameworkId}${k.scopeName ? `, scope ${k.scopeName}` : ''})`;

export class AttestationRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  /** Current entries (deleted ones left out), gating first, then items, then suppressions. */
  async list(filter: { frameworkId: string; scopeName: string | null }): Promise<StoredAttestation[]> {
    const rows = await this.ctx.db
      .selectFrom('attestations')
      .selectAll()
      .where('framework_id', '=', filter.frameworkId)
      .where('scope_name', '=', filter.scopeName ?? '')
      .where('document', 'is not', null)
      .orderBy('kind')
      .orderBy('subject')
      .execute();
    return rows.map(toStored);
  }

  /** The record, deleted or not; null when it never existed. */
  async get(key: AttestationKey): Promise<StoredAttestation | null> {
    const row = await this.ctx.db
      .selectFrom('attestations')
      .selectAll()
      .where('framework_id', '=', key.frameworkId)
      .where('scope_name', '=', key.scopeName ?? '')
      .where('kind', '=', key.kind)
      .where('subject', '=', key.subject)
      .executeTakeFirst();
    return row ? toStored(row) : null;
  }

  /**
   * Creates or updates an entry. Unchanged content is not a new version (returns the record as it is,
   * after still checking the version). Throws ConflictError when `expectedVersion` is not current.
   */
  async save(input: SaveAttestation): Promise<StoredAttestation> {
    let framework;
    try {
      framework = getFramework(input.frameworkId);
    } catch (err) {
      if (err instanceof UnknownFrameworkError) throw new UserError(err.message);
      throw err;
    }
    const now = this.ctx.now();
    const document = validateAttestationDocument(framework, input.kind, input.subject, input.document, now.slice(0, 10));
    // A file named as evidence must be in the store, so an export can always write it out.
    if ('evidence' in document) {
      for (const e of document.evidence) {
        if ('file' in e && !(await new EvidenceRepository(this.ctx).has(e.sha256))) {
          throw new UserError(`Evidence file ${e.file} (sha256 ${e.sha256}) is not in the store; upload it first.`);
        }
      }
    }
    return this.write(input, document, now);
  }

  /** Deletes an entry (keeps its history). Throws ConflictError when `expectedVersion` is not current. */
  async remove(input: Omit<SaveAttestation, 'document'>): Promise<StoredAttestation> {
    return this.write(input, null, this.ctx.now());
  }

  async history(key: AttestationKey): Promise<AttestationChange[]> {
    const record = await this.get(key);
    if (!record) throw new NotFoundError(`${describeKey(key)} does not exist.`);
    return this.versions(record.id);
  }

  /** Every change of an attestation already read (`get`), oldest first: one query. */
  async versions(attestationId: number): Promise<AttestationChange[]> {
    const rows = await this.ctx.db.selectFrom('attestation_versions').selectAll().where('attestation_id', '=', attestationId).orderBy('version').execute();
    const parse = (text: string | null) => (text === null ? null : (JSON.parse(text) as AttestationDocument));
    return rows.map((r) => ({
      version: r.version,
      before: parse(r.before_document),
      after: parse(r.after_document),
      changedAt: r.changed_at,
      changedBy: r.changed_by,
      source: r.source,
    }));
  }

  private async write(input: Omit<SaveAttestation, 'document'>, document: AttestationDocument | null, now: string): Promise<StoredAttestation> {
    const key = { frameworkId: input.frameworkId, scopeName: input.scopeName, kind: input.kind, subject: input.subject };
    const scope = input.scopeName ?? '';
    const after = document === null ? null : JSON.stringify(document);
    try {
      return await inTransaction(this.ctx.db, async (db) => {
        let row: AttestationRow | undefined;
        let before: string | null = null;
        if (input.expectedVersion === 0) {
          if (document === null) throw new ConflictError(describeKey(key), 0, null);
          row = await db
            .insertInto('attestations')
            .values({ framework_id: input.frameworkId, scope_name: scope, kind: input.kind, subject: input.subject, version: 1, document: after, updated_at: now, updated_by: input.actor.label })
            .onConflict((oc) => oc.columns(['framework_id', 'scope_name', 'kind', 'subject']).doNothing())
            .returningAll()
            .executeTakeFirst();
        } else {
          // The conditional write comes first (SQLite then holds the write lock before any read). Unchanged
          // content is no new version: the update skips it and the check below tells it from a conflict.
          row = await db
            .updateTable('attestations')
            .set((eb) => ({ version: eb('version', '+', 1), document: after, updated_at: now, updated_by: input.actor.label }))
            .where('framework_id', '=', input.frameworkId)
            .where('scope_name', '=', scope)
            .where('kind', '=', input.kind)
            .where('subject', '=', input.subject)
            .where('version', '=', input.expectedVersion)
            .where('document', 'is distinct from', after)
            .returningAll()
            .executeTakeFirst();
          if (row) {
            const previous = await db
              .selectFrom('attestation_versions')
              .select('after_document')
              .where('attestation_id', '=', row.id)
              .where('version', '=', input.expectedVersion)
              .executeTakeFirst();
            before = previous?.after_document ?? null;
          } else {
            const current = await this.getIn(db, key);
            if (current && current.version === input.expectedVersion && sameDocument(current.document, document)) return current;
          }
        }
        if (!row) {
          const current = await this.getIn(db, key);
          throw new ConflictError(describeKey(key), input.expectedVersion, current);
        }
        await db
          .insertInto('attestation_versions')
          .values({ attestation_id: row.id, version: row.version, before_document: before, after_document: after, changed_at: now, changed_by: input.actor.label, source: input.source })
          .execute();
        await appendAudit(db, now, input.actor, {
          action: document === null ? 'attestation.delete' : row.version === 1 ? 'attestation.create' : 'attestation.update',
          targetType: 'attestation',
          targetId: row.id,
          detail: { framework: input.frameworkId, scope: scope, kind: input.kind, subject: input.subject, version: row.version, source: input.source },
        });
        return toStored(row);
      });
    } catch (err) {
      // Two creators raced past the insert's conflict guard on another connection.
      if (isUniqueViolation(err)) throw new ConflictError(describeKey(key), input.expectedVersion, await this.get(key));
      throw err;
    }
  }

  private async getIn(db: RepositoryContext['db'], key: AttestationKey): Promise<StoredAttestation | null> {
    return new AttestationRepository({ ...this.ctx, db }).get(key);
  }
}
