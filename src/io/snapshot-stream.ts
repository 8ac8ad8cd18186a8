/**
 * The sharded snapshot file (format 2, docs/decisions/0009-sharded-snapshot.md, docs/snapshot-schema.md):
 * a header record, one record per account, a trailer, one JSON object per line. In `snapshot.json.gz` each
 * record is its own gzip member (a valid multi-member gzip file), written as soon as the account finishes,
 * so the scan never holds more than the accounts in progress and never serialises the snapshot as one string.
 *
 * Reading never holds the file either: records are read one at a time from a streaming gunzip, each within
 * the per-record limit (FTR_MAX_SNAPSHOT_MB, the limit a whole single-document snapshot has), checked as
 * JSON text (syntax, nesting) and validated with its zod schema before anything sees it. Errors name the
 * file and the record number, never the content. The single-document format (1.0, gzip or plain) still
 * reads: `openSnapshotSource` serves it through the same interface.
 */
import { Readable } from 'node:stream';
import { createGunzip, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { UserError } from '../core/errors.js';
import {
  accountShardRecordSchema,
  snapshotHeaderRecordSchema,
  snapshotTrailerRecordSchema,
} from '../core/schemas/snapshot.js';
import {
  SNAPSHOT_FILE_FORMAT,
  SNAPSHOT_FILE_FORMAT_VERSION,
  SNAPSHOT_SCHEMA_VERSION,
  shardsOf,
  type AccountShard,
  type AccountShardRecord,
  type Snapshot,
  type SnapshotHeader,
  type SnapshotHeaderRecord,
  type SnapshotTrailer,
  type SnapshotTrailerRecord,
} from '../core/snapshot.js';
import { corruptGzip, inputLimitBytes, isGzip, readInputChunks, recordTooLarge } from './bounded-read.js';
import { describeIssues, schemaFieldNames, versionText } from './file-kind.js';
import { parseJsonText } from './json-text.js';
import { openOutputStream, type OutputStream } from './output-file.js';

const gzipAsync = promisify(gzip);

const FIELD_NAMES = new Set([
  ...schemaFieldNames(snapshotHeaderRecordSchema),
  ...schemaFieldNames(accountShardRecordSchema),
  ...schemaFieldNames(snapshotTrailerRecordSchema),
]);

const HEADER_PREFIX = '{"record":"header"';
const ACCOUNT_PREFIX = '{"record":"account"';
const SUPPORTED_MAJOR = SNAPSHOT_SCHEMA_VERSION.split('.')[0];

/** What evaluation needs from a snapshot file of either format, read account by account. */
export interface SnapshotSource {
  readonly path: string;
  readonly format: 'document' | 'shards';
  readonly header: SnapshotHeader;
  readonly trailer: SnapshotTrailer;
  readonly accountCount: number;
  /** The account shards in file order; each call reads the file again (nothing is cached). */
  shards(): AsyncIterable<AccountShard>;
}

/** A snapshot already in memory, served as a source (every error stays in the trailer, in order). */
export function sourceFromSnapshot(snapshot: Snapshot, path = '(in memory)'): SnapshotSource {
  const { header, shards, trailer } = shardsOf(snapshot);
  return {
    path,
    format: 'document',
    header,
    trailer,
    accountCount: shards.length,
    // eslint-disable-next-line @typescript-eslint/require-await -- an async generator keeps one interface for both formats
    async *shards() {
      yield* shards;
    },
  };
}

// ---------------------------------------------------------------------------------------------- writing

/**
 * Writes a sharded snapshot through io/output-file.ts (temp file + rename at `finish`, 0600, never through
 * a link). Records may be handed over concurrently: they are appended one after the other.
 */
export class SnapshotFileWriter {
  private readonly out: OutputStream;
  private readonly gzip: boolean;
  private chain: Promise<void> = Promise.resolve();
  private accounts = 0;
  private started = false;

  private constructor(out: OutputStream, gzipped: boolean) {
    this.out = out;
    this.gzip = gzipped;
  }

  static async open(path: string): Promise<SnapshotFileWriter> {
    return new SnapshotFileWriter(await openOutputStream(path), path.endsWith('.gz'));
  }

  private append(record: SnapshotHeaderRecord | AccountShardRecord | SnapshotTrailerRecord): Promise<void> {
    // Serialised and compressed inside the chain: one account's text at a time, never the whole snapshot.
    const next = this.chain.then(async () => {
      const line = Buffer.from(`${JSON.stringify(record)}\n`);
      await this.out.write(this.gzip ? await gzipAsync(line) : line);
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  async header(header: SnapshotHeader): Promise<void> {
    if (this.started) throw new Error('the snapshot header is already written');
    this.started = true;
    await this.append({ record: 'header', format: SNAPSHOT_FILE_FORMAT, formatVersion: SNAPSHOT_FILE_FORMAT_VERSION, ...header });
  }

  async account(shard: AccountShard): Promise<void> {
    if (!this.started) throw new Error('the snapshot header must come first');
    this.accounts += 1;
    await this.append({ record: 'account', ...shard });
  }

  /** Writes the trailer and renames the file into place. */
  async finish(trailer: SnapshotTrailer): Promise<void> {
    await this.append({ record: 'trailer', ...trailer, accounts: this.accounts });
    await this.chain;
    await this.out.commit();
  }

  async abort(): Promise<void> {
    await this.chain;
    await this.out.abort();
  }
}

/** Writes an in-memory snapshot in the sharded format (tests, bench, conversion). */
export async function writeShardedSnapshot(path: string, snapshot: Snapshot, shards?: readonly AccountShard[]): Promise<void> {
  const parts = shardsOf(snapshot);
  const writer = await SnapshotFileWriter.open(path);
  try {
    await writer.header(parts.header);
    for (const shard of shards ?? parts.shards) await writer.account(shard);
    await writer.finish(shards ? { ...parts.trailer, errors: [], operations: [] } : parts.trailer);
  } catch (err) {
    await writer.abort();
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------- reading

/** The decompressed bytes of a file (gzip or plain), chunk by chunk. */
async function* decodedChunks(path: string): AsyncGenerator<Buffer> {
  const raw = readInputChunks(path, 'snapshot-shards');
  const first = await raw.next();
  if (first.done) return;
  const rest = async function* () {
    yield first.value;
    yield* raw;
  };
  if (!isGzip(first.value)) {
    try {
      yield* rest();
    } finally {
      await raw.return(undefined);
    }
    return;
  }
  const gunzip = createGunzip();
  const source = Readable.from(rest());
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw corruptGzip(err, path, 'snapshot');
  } finally {
    source.destroy();
    gunzip.destroy();
    // Closes the file now, not when the garbage collector finds the handle.
    await raw.return(undefined);
  }
}

/** Whether the file is a sharded snapshot (its first decompressed bytes open a header record). */
export async function isShardedSnapshotFile(path: string): Promise<boolean> {
  let head = '';
  for await (const chunk of decodedChunks(path)) {
    head += chunk.subarray(0, 64).toString('utf8');
    if (head.length >= HEADER_PREFIX.length) break;
  }
  return isShardedText(head);
}

/** Whether JSON text opens a sharded snapshot's header record. */
export function isShardedText(text: string): boolean {
  return text.replace(/^\uFEFF/, '').startsWith(HEADER_PREFIX);
}

interface Line {
  /** 1-based record number. */
  readonly n: number;
  readonly bytes: Buffer;
}

/** The records of a sharded file, one line at a time, each within the per-record limit. */
async function* recordLines(path: string): AsyncGenerator<Line> {
  const limit = inputLimitBytes('snapshot');
  let parts: Buffer[] = [];
  let size = 0;
  let n = 0;
  for await (const chunk of decodedChunks(path)) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a, start); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      const piece = chunk.subarray(start, nl);
      if (size + piece.length > limit) throw recordTooLarge(path, n + 1);
      parts.push(piece);
      n += 1;
      yield { n, bytes: Buffer.concat(parts, size + piece.length) };
      parts = [];
      size = 0;
      start = nl + 1;
    }
    const tail = chunk.subarray(start);
    if (tail.length > 0) {
      if (size + tail.length > limit) throw recordTooLarge(path, n + 1);
      parts.push(Buffer.from(tail));
      size += tail.length;
    }
  }
  if (size > 0 && Buffer.concat(parts).toString('utf8').trim() !== '') {
    yield { n: n + 1, bytes: Buffer.concat(parts, size) };
  }
}

function parseRecord<T>(line: Line, path: string, schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, what: string): T {
  const where = `${path} record ${line.n}`;
  const data = parseJsonText(line.bytes.toString('utf8'), where, 'the file is corrupt or truncated, or it is not a snapshot written by `ftr scan`');
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new UserError(`${where} is not a valid ${what}: ${describeIssues(parsed.error, FIELD_NAMES)}`);
  return parsed.data;
}

function startsWith(bytes: Buffer, prefix: string): boolean {
  return bytes.subarray(0, prefix.length + 3).toString('utf8').replace(/^\uFEFF/, '').startsWith(prefix);
}

function checkVersion(header: SnapshotHeaderRecord, path: string): void {
  if (header.schemaVersion.split('.')[0] !== SUPPORTED_MAJOR) {
    throw new UserError(
      `${path} has snapshot schema version ${versionText(header.schemaVersion)}; this ftr-ready reads version ${SNAPSHOT_SCHEMA_VERSION}. Re-scan, or use a matching ftr-ready.`,
    );
  }
}

function stripHeader(record: SnapshotHeaderRecord): SnapshotHeader {
  const { schemaVersion, tool, startedAt, principal, partition, mode, requestedRegions, organization } = record;
  return { schemaVersion, tool, startedAt, principal, partition, mode, requestedRegions, organization };
}

function stripTrailer(record: SnapshotTrailerRecord): SnapshotTrailer {
  const { finishedAt, complete, interruption, errors, operations, stats } = record;
  return { finishedAt, complete, interruption, errors, operations, ...(stats ? { stats } : {}) };
}

export interface ShardedScanResult {
  readonly header: SnapshotHeader;
  /** Null when the file ends before its trailer (a scan that was killed): `--resume` still uses its shards. */
  readonly trailer: SnapshotTrailer | null;
  readonly accountCount: number;
}

/**
 * First pass over a sharded file: the header, the trailer and the number of account records. Account
 * records are not parsed here (only their line is bounded); `allowTruncated` accepts a file without trailer.
 */
async function scanSharded(path: string, allowTruncated: boolean): Promise<ShardedScanResult> {
  let header: SnapshotHeaderRecord | null = null;
  let trailer: SnapshotTrailerRecord | null = null;
  let accounts = 0;
  for await (const line of recordLines(path)) {
    if (line.n === 1) {
      header = parseRecord(line, path, snapshotHeaderRecordSchema, 'snapshot header');
      checkVersion(header, path);
      continue;
    }
    if (trailer) throw new UserError(`${path} record ${line.n} comes after the trailer; the file is corrupt.`);
    if (startsWith(line.bytes, ACCOUNT_PREFIX)) {
      accounts += 1;
      continue;
    }
    trailer = parseRecord(line, path, snapshotTrailerRecordSchema, 'snapshot trailer');
  }
  if (!header) throw new UserError(`${path} is empty; it is not a snapshot written by \`ftr scan\`.`);
  if (!trailer && !allowTruncated) {
    throw new UserError(`${path} ends before its trailer record: the scan that wrote it was killed. Resume it with \`ftr scan --resume\`, or scan again.`);
  }
  if (trailer && trailer.accounts !== accounts) {
    throw new UserError(`${path} has ${accounts} account record(s) but its trailer counts ${trailer.accounts}; the file is corrupt.`);
  }
  return { header: stripHeader(header), trailer: trailer ? stripTrailer(trailer) : null, accountCount: accounts };
}

/** The account shards of a sharded file, validated one at a time. */
async function* shardsOfFile(path: string): AsyncGenerator<AccountShard> {
  for await (const line of recordLines(path)) {
    if (line.n === 1 || !startsWith(line.bytes, ACCOUNT_PREFIX)) continue;
    const { record: _record, ...shard } = parseRecord(line, path, accountShardRecordSchema, 'account record');
    yield shard;
  }
}

/**
 * Opens a snapshot of either format for account-by-account reading. `readDocument` reads a single-document
 * snapshot (src/io/snapshot-file.ts: whole file within FTR_MAX_SNAPSHOT_MB), passed in to avoid an import cycle.
 */
export async function openSnapshotSource(path: string, readDocument: (path: string) => Promise<Snapshot>): Promise<SnapshotSource> {
  if (!(await isShardedSnapshotFile(path))) return sourceFromSnapshot(await readDocument(path), path);
  const { header, trailer, accountCount } = await scanSharded(path, false);
  if (!trailer) throw new Error('unreachable: scanSharded refuses a file without trailer');
  return { path, format: 'shards', header, trailer, accountCount, shards: () => shardsOfFile(path) };
}

/** For `--resume`: the header and every shard of a sharded file, whether or not it has its trailer. */
export async function readShardsForResume(path: string): Promise<{ header: SnapshotHeader; complete: boolean; shards: AsyncIterable<AccountShard>; accountIds: Map<string, boolean> }> {
  const { header, trailer } = await scanSharded(path, true);
  const accountIds = new Map<string, boolean>();
  for await (const shard of shardsOfFile(path)) accountIds.set(shard.account.accountId, shard.complete || (accountIds.get(shard.account.accountId) ?? false));
  return { header, complete: trailer?.complete ?? false, shards: shardsOfFile(path), accountIds };
}

/**
 * What a killed scan left in its file (the temp file `ftr scan` / a dashboard job was writing): the header
 * and, one at a time, every account record up to the first that cannot be read (the process may have died
 * while it wrote one). Null when not even the header can be read. (`recoverKilledScan` in
 * cli/scan-snapshot.ts turns it into a snapshot file for `ftr scan --resume` and the dashboard's recovery.)
 */
export async function openKilledScan(path: string): Promise<{ header: SnapshotHeader; shards: () => AsyncGenerator<AccountShard> } | null> {
  let header: SnapshotHeader | null = null;
  try {
    for await (const line of recordLines(path)) {
      const record = parseRecord(line, path, snapshotHeaderRecordSchema, 'snapshot header');
      checkVersion(record, path);
      header = stripHeader(record);
      break;
    }
  } catch {
    return null;
  }
  return header ? { header, shards: () => readableShards(path) } : null;
}

/** The account records of a killed scan's file, up to the first that cannot be read. */
async function* readableShards(path: string): AsyncGenerator<AccountShard> {
  const lines = recordLines(path)[Symbol.asyncIterator]();
  for (;;) {
    let shard: AccountShard;
    try {
      const next = await lines.next();
      if (next.done) return;
      if (next.value.n === 1) continue;
      if (!startsWith(next.value.bytes, ACCOUNT_PREFIX)) return;
      const { record: _record, ...parsed } = parseRecord(next.value, path, accountShardRecordSchema, 'account record');
      shard = parsed;
    } catch {
      // A torn last record (or gzip member): everything before it is kept.
      return;
    }
    yield shard;
  }
}

/** Parses a sharded snapshot already in memory (decompressed text), for parseSnapshot and the store. */
export function parseShardedText(text: string, path: string): { header: SnapshotHeader; shards: AccountShard[]; trailer: SnapshotTrailer } {
  const lines = text.split('\n').filter((l, i, all) => !(i === all.length - 1 && l.trim() === ''));
  const records = lines.map((l, i): Line => ({ n: i + 1, bytes: Buffer.from(l) }));
  const [first, ...rest] = records;
  if (!first) throw new UserError(`${path} is empty; it is not a snapshot written by \`ftr scan\`.`);
  const header = parseRecord(first, path, snapshotHeaderRecordSchema, 'snapshot header');
  checkVersion(header, path);
  const last = rest.pop();
  if (!last || startsWith(last.bytes, ACCOUNT_PREFIX)) {
    throw new UserError(`${path} ends before its trailer record: the scan that wrote it was killed. Resume it with \`ftr scan --resume\`, or scan again.`);
  }
  const trailer = parseRecord(last, path, snapshotTrailerRecordSchema, 'snapshot trailer');
  const shards = rest.map((line) => {
    const { record: _record, ...shard } = parseRecord(line, path, accountShardRecordSchema, 'account record');
    return shard;
  });
  if (trailer.accounts !== shards.length) {
    throw new UserError(`${path} has ${shards.length} account record(s) but its trailer counts ${trailer.accounts}; the file is corrupt.`);
  }
  return { header: stripHeader(header), shards, trailer: stripTrailer(trailer) };
}
