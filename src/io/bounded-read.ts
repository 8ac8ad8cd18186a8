/**
 * The one way ftr-ready reads an input file (snapshot, assessment, attestations, scope, evidence file).
 *
 * - Only regular files are read. A symbolic link is followed only when it ends at a regular file; a
 *   directory, named pipe (FIFO), socket or device (`/dev/zero`) is refused before anything is read. The
 *   type is checked with stat before opening and again with fstat on the opened descriptor, and the file is
 *   opened with O_NONBLOCK, so a file swapped for a FIFO in between can neither block nor be read.
 * - Every kind of file has a size limit (INPUT_LIMITS, documented in docs/snapshot-schema.md and
 *   docs/attestations.md). The limit is checked on the size the file reports and again while reading, so a
 *   file that grows while we read it is cut off too. Gzip input is decompressed with the same cap on the
 *   decompressed bytes (a gzip bomb stops at the limit).
 * - Errors are InputReadErrors (UserError, exit code 2) naming the file and the problem, never its content.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { gunzip, gunzipSync } from 'node:zlib';
import { UserError } from '../core/errors.js';

export type InputKind = 'snapshot' | 'snapshot-shards' | 'assessment' | 'attestations' | 'scope' | 'evidence';

export interface InputLimit {
  /** How the file is named in messages ("snapshot", "attestations file"). */
  readonly label: string;
  /** Default limit in MiB, for the file on disk and, for gzip input, for the decompressed bytes. */
  readonly defaultMiB: number;
  /** Environment variable that raises or lowers the limit (whole MiB), when the limit is configurable. */
  readonly env: string | null;
  /** Highest value the environment variable may set (JSON text must stay below V8's string limit). */
  readonly maxMiB: number;
}

const MiB = 1024 * 1024;

/** The documented limits. Snapshot and assessment limits apply to the JSON text (after gunzip). */
export const INPUT_LIMITS: Readonly<Record<InputKind, InputLimit>> = {
  snapshot: { label: 'snapshot file', defaultMiB: 256, env: 'FTR_MAX_SNAPSHOT_MB', maxMiB: 500 },
  // A sharded snapshot is read one record at a time (each record within the `snapshot` limit): only the file
  // on disk (compressed) is limited as a whole, and far higher, since it is never held in memory.
  'snapshot-shards': { label: 'snapshot file', defaultMiB: 16 * 1024, env: 'FTR_MAX_SNAPSHOT_FILE_MB', maxMiB: 256 * 1024 },
  assessment: { label: 'assessment file', defaultMiB: 256, env: 'FTR_MAX_ASSESSMENT_MB', maxMiB: 500 },
  attestations: { label: 'attestations file', defaultMiB: 4, env: null, maxMiB: 4 },
  scope: { label: 'scope file', defaultMiB: 1, env: null, maxMiB: 1 },
  evidence: { label: 'evidence file', defaultMiB: 1024, env: 'FTR_MAX_EVIDENCE_MB', maxMiB: 16 * 1024 },
};

/** What went wrong, for callers that word the message themselves (attestation and scope errors). */
export type InputReadProblem = 'not-found' | 'not-regular' | 'too-large' | 'decompressed-too-large' | 'corrupt-gzip' | 'permission' | 'unreadable';

/** A file that could not be read as input. The message names the file and the problem only. */
export class InputReadError extends UserError {
  readonly file: string;
  readonly problem: InputReadProblem;
  /** The message without the file name, e.g. "it is a named pipe (FIFO), not a regular file". */
  readonly reason: string;
  constructor(file: string, problem: InputReadProblem, reason: string, message: string) {
    super(message);
    this.name = 'InputReadError';
    this.file = file;
    this.problem = problem;
    this.reason = reason;
  }
}

/** The limit in bytes for a kind, after the environment override (invalid values are a UserError). */
export function inputLimitBytes(kind: InputKind, env: NodeJS.ProcessEnv = process.env): number {
  const limit = INPUT_LIMITS[kind];
  const raw = limit.env === null ? undefined : env[limit.env];
  if (raw === undefined || raw.trim() === '') return limit.defaultMiB * MiB;
  const mib = Number(raw);
  if (!Number.isInteger(mib) || mib < 1 || mib > limit.maxMiB) {
    throw new UserError(`${String(limit.env)} must be a whole number of MB between 1 and ${limit.maxMiB} (got "${raw.slice(0, 20)}").`);
  }
  return mib * MiB;
}

function sizeText(bytes: number): string {
  return bytes >= MiB ? `${Math.floor(bytes / MiB)} MB` : `${bytes} bytes`;
}

/** "a snapshot file", "an evidence file". */
function withArticle(kind: InputKind): string {
  const label = INPUT_LIMITS[kind].label;
  return /^[aeiou]/.test(label) ? `an ${label}` : `a ${label}`;
}

function limitHint(kind: InputKind): string {
  const env = INPUT_LIMITS[kind].env;
  return env === null ? '' : ` (set ${env} to change it)`;
}

function fail(file: string, kind: InputKind, problem: InputReadProblem, reason: string): InputReadError {
  const label = INPUT_LIMITS[kind].label;
  const capital = label.charAt(0).toUpperCase() + label.slice(1);
  const message =
    problem === 'not-found'
      ? `${capital} not found: ${file}`
      : problem === 'corrupt-gzip' || problem === 'decompressed-too-large'
        ? `${file}: ${reason}.`
        : `Cannot read ${label} ${file}: ${reason}.`;
  return new InputReadError(file, problem, reason, message);
}

function typeName(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** Maps a file-system error to a content-free InputReadError (the errno code, never the OS message). */
function fromErrno(err: unknown, file: string, kind: InputKind): InputReadError {
  const code = (err as { code?: unknown }).code;
  switch (code) {
    case 'ENOENT':
      return fail(file, kind, 'not-found', 'the file does not exist');
    case 'ENOTDIR':
      return fail(file, kind, 'not-found', 'a part of the path is not a directory');
    case 'EACCES':
    case 'EPERM':
      return fail(file, kind, 'permission', 'permission denied');
    case 'ELOOP':
      return fail(file, kind, 'unreadable', 'too many levels of symbolic links');
    case 'EISDIR':
      return fail(file, kind, 'not-regular', 'it is a directory, not a regular file');
    case 'ENAMETOOLONG':
      return fail(file, kind, 'unreadable', 'the path is too long');
    default:
      return fail(file, kind, 'unreadable', `the file system refused the read (${typeof code === 'string' ? code : 'unknown error'})`);
  }
}

function checkStats(st: Stats, file: string, kind: InputKind, limit: number): void {
  if (!st.isFile()) {
    throw fail(file, kind, 'not-regular', `it is ${typeName(st)}; only regular files are read`);
  }
  if (st.size > limit) throw tooLarge(file, kind, limit, st.size);
}

function tooLarge(file: string, kind: InputKind, limit: number, size: number | null): InputReadError {
  const what = size === null ? 'it is larger than' : `it is ${sizeText(size)}, larger than`;
  return fail(file, kind, 'too-large', `${what} the ${sizeText(limit)} limit for ${withArticle(kind)}${limitHint(kind)}`);
}

// O_NONBLOCK: opening a FIFO swapped in after the stat returns at once instead of waiting for a writer.
// O_NOCTTY: a terminal device never becomes our controlling terminal. Both are 0 where unsupported.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK = MiB;

/**
 * Reads the file chunk by chunk (sync), calling `onChunk` for each; refuses anything but a regular file
 * and stops past `limit` bytes. The chunk buffer is reused: copy what you keep.
 */
export function forEachChunkSync(file: string, kind: InputKind, onChunk: (chunk: Buffer) => void, limit = inputLimitBytes(kind)): number {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (err) {
    throw fromErrno(err, file, kind);
  }
  checkStats(st, file, kind, limit);
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (err) {
    throw fromErrno(err, file, kind);
  }
  try {
    checkStats(fstatSync(fd), file, kind, limit);
    const buffer = Buffer.allocUnsafe(CHUNK);
    let total = 0;
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, CHUNK, null);
      } catch (err) {
        throw fromErrno(err, file, kind);
      }
      if (n === 0) return total;
      total += n;
      if (total > limit) throw tooLarge(file, kind, limit, null);
      onChunk(buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Input that arrives as bytes instead of a file (an upload to the dashboard, already bounded by the
 * request's body limit), held to the same per-kind limit and refused with the same error as a file.
 */
export function checkInputBytes(name: string, kind: InputKind, bytes: Uint8Array): Buffer {
  const limit = inputLimitBytes(kind);
  if (bytes.byteLength > limit) throw tooLarge(name, kind, limit, bytes.byteLength);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The whole file (sync), within the kind's limit. */
export function readInputFileSync(file: string, kind: InputKind): Buffer {
  const chunks: Buffer[] = [];
  forEachChunkSync(file, kind, (chunk) => chunks.push(Buffer.from(chunk)));
  return Buffer.concat(chunks);
}

/** The whole file (async), within the kind's limit: readInputChunks' chunks (each its own buffer), joined. */
export async function readInputFile(file: string, kind: InputKind): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of readInputChunks(file, kind)) {
    chunks.push(chunk);
    total += chunk.length;
  }
  return Buffer.concat(chunks, total);
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function gunzipFailure(err: unknown, file: string, kind: InputKind, limit: number): InputReadError {
  if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
    return fail(
      file,
      kind,
      'decompressed-too-large',
      `decompressed size exceeds ${sizeText(limit)}, the limit for ${withArticle(kind)}: a corrupt file or a gzip bomb${limitHint(kind)}`,
    );
  }
  // zlib's messages ("unexpected end of file", "incorrect header check") say nothing about the content.
  const why = err instanceof Error ? err.message : 'unknown error';
  return fail(file, kind, 'corrupt-gzip', `a corrupt or truncated gzip file (${why}); re-run the scan or restore the file`);
}

/** Decompresses gzip input, stopping as soon as the output passes the kind's limit. */
export async function gunzipBounded(bytes: Buffer, file: string, kind: InputKind): Promise<Buffer> {
  const limit = inputLimitBytes(kind);
  return new Promise((resolve, reject) => {
    gunzip(bytes, { maxOutputLength: limit }, (err, out) => {
      if (err) reject(gunzipFailure(err, file, kind, limit));
      else resolve(out);
    });
  });
}

/** Sync variant of gunzipBounded (for callers that parse bytes already in memory). */
export function gunzipBoundedSync(bytes: Buffer, file: string, kind: InputKind): Buffer {
  const limit = inputLimitBytes(kind);
  try {
    return gunzipSync(bytes, { maxOutputLength: limit });
  } catch (err) {
    throw gunzipFailure(err, file, kind, limit);
  }
}

/**
 * The file as a stream of chunks (async), for readers that never hold the whole file (the sharded snapshot):
 * the same regular-file checks as readInputFile, and the stream stops with a too-large error past `limit`
 * bytes on disk. The caller bounds what it keeps (records, lines).
 */
export async function* readInputChunks(file: string, kind: InputKind, limit = inputLimitBytes(kind)): AsyncGenerator<Buffer> {
  try {
    checkStats(await stat(file), file, kind, limit);
  } catch (err) {
    throw err instanceof InputReadError ? err : fromErrno(err, file, kind);
  }
  let handle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (err) {
    throw fromErrno(err, file, kind);
  }
  try {
    checkStats(await handle.stat(), file, kind, limit);
    let total = 0;
    for (;;) {
      // A fresh buffer per chunk: readInputFile keeps every chunk.
      const buffer = Buffer.allocUnsafe(CHUNK);
      let n: number;
      try {
        ({ bytesRead: n } = await handle.read(buffer, 0, CHUNK, null));
      } catch (err) {
        throw fromErrno(err, file, kind);
      }
      if (n === 0) return;
      total += n;
      if (total > limit) throw tooLarge(file, kind, limit, null);
      yield buffer.subarray(0, n);
    }
  } finally {
    await handle.close();
  }
}

/** A record (line) of a sharded file larger than the per-record limit: content-free, names the line. */
export function recordTooLarge(file: string, line: number, kind: InputKind = 'snapshot'): InputReadError {
  const limit = inputLimitBytes(kind);
  return fail(file, kind, 'too-large', `record ${line} is larger than the ${sizeText(limit)} limit for one record of ${withArticle(kind)}${limitHint(kind)}`);
}

/** A corrupt gzip stream, with the same content-free message as gunzipBounded. */
export function corruptGzip(err: unknown, file: string, kind: InputKind): InputReadError {
  return gunzipFailure(err, file, kind, inputLimitBytes(kind));
}
