/** Content-addressed blobs: written once per sha256, shared by every record that refers to them. */
import { decode, type EncodedContent } from '../content.js';
import type { RepositoryContext } from './context.js';

export class BlobRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  /** Stores the content unless a blob with the same sha256 exists (then it is the same content). */
  async put(content: EncodedContent, mediaType: string): Promise<void> {
    await this.ctx.db
      .insertInto('blobs')
      .values({
        sha256: content.sha256,
        media_type: mediaType,
        size: content.size,
        encoding: content.encoding,
        content: content.content,
        created_at: this.ctx.now(),
      })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  }

  async has(sha256: string): Promise<boolean> {
    const row = await this.ctx.db.selectFrom('blobs').select('sha256').where('sha256', '=', sha256).executeTakeFirst();
    return row !== undefined;
  }

  /** The uncompressed bytes, or null when no such blob exists. */
  async get(sha256: string): Promise<{ bytes: Buffer; mediaType: string } | null> {
    const row = await this.ctx.db
      .selectFrom('blobs')
      .select(['encoding', 'content', 'media_type'])
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    if (!row) return null;
    return { bytes: await decode(row.encoding, row.content), mediaType: row.media_type };
  }
}
