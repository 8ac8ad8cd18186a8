/** Evidence files: content-addressed by sha256 (the blob), with the name and type they were given. */
import { encodeFile } from '../content.js';
import { NotFoundError } from '../errors.js';
import { checkEvidenceFile } from '../evidence-policy.js';
import { BlobRepository } from './blobs.js';
import { appendAudit, inTransaction, type Actor, type RepositoryContext } from './context.js';

export interface StoredEvidence {
  readonly id: number;
  readonly sha256: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly uploadedAt: string;
  readonly uploadedBy: string;
}

export class EvidenceRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  /**
   * Stores a file after the size and type checks (EvidenceRejectedError otherwise). The same content under
   * the same name is stored once; `created: false` then.
   */
  async put(input: { fileName: string; bytes: Buffer; actor: Actor }): Promise<{ evidence: StoredEvidence; created: boolean }> {
    const { mediaType, fileName } = checkEvidenceFile(input.fileName, input.bytes);
    const encoded = encodeFile(input.bytes);
    return inTransaction(this.ctx.db, async (db) => {
      await new BlobRepository({ ...this.ctx, db }).put(encoded, mediaType);
      const now = this.ctx.now();
      const inserted = await db
        .insertInto('evidence_files')
        .values({ sha256: encoded.sha256, file_name: fileName, media_type: mediaType, size: encoded.size, uploaded_at: now, uploaded_by: input.actor.label })
        .onConflict((oc) => oc.columns(['sha256', 'file_name']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) {
        await appendAudit(db, now, input.actor, {
          action: 'evidence.upload',
          targetType: 'evidence',
          targetId: inserted.id,
          detail: { sha256: encoded.sha256, fileName, size: encoded.size, mediaType },
        });
      }
      const row =
        inserted ??
        (await db.selectFrom('evidence_files').selectAll().where('sha256', '=', encoded.sha256).where('file_name', '=', fileName).executeTakeFirstOrThrow());
      return {
        evidence: { id: row.id, sha256: row.sha256, fileName: row.file_name, mediaType: row.media_type, size: row.size, uploadedAt: row.uploaded_at, uploadedBy: row.uploaded_by },
        created: inserted !== undefined,
      };
    });
  }

  async has(sha256: string): Promise<boolean> {
    const row = await this.ctx.db.selectFrom('evidence_files').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst();
    return row !== undefined;
  }

  async list(): Promise<StoredEvidence[]> {
    const rows = await this.ctx.db.selectFrom('evidence_files').selectAll().orderBy('id').execute();
    return rows.map((row) => ({ id: row.id, sha256: row.sha256, fileName: row.file_name, mediaType: row.media_type, size: row.size, uploadedAt: row.uploaded_at, uploadedBy: row.uploaded_by }));
  }

  /** The file's bytes and type. */
  async content(sha256: string): Promise<{ bytes: Buffer; mediaType: string }> {
    if (!(await this.has(sha256))) throw new NotFoundError(`No evidence file with sha256 ${sha256} in the store.`);
    const blob = await new BlobRepository(this.ctx).get(sha256);
    if (!blob) throw new NotFoundError(`The content of evidence file ${sha256} is missing from the store.`);
    return blob;
  }
}
