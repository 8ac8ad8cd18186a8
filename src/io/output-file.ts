/**
 * Every file ftr-ready writes (snapshot, assessment, reports, starter attestations) goes through here, since
 * they describe an account's security posture:
 * - written to a fresh temp file in the destination's folder (random name, exclusive create, no symlink
 *   followed), flushed, then renamed over the destination, so a crash never leaves a truncated file;
 * - never through a symbolic link: a link at the destination (dangling or not) is refused, not followed;
 * - files are 0600 and new folders 0700 by default.
 * Folders are created one level at a time (Node's recursive mkdir loops forever on paths such as
 * /proc/self/x), and `prepareOutputDir` proves a folder takes a new file before any long work starts.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { UserError } from '../core/errors.js';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/** A destination we refuse to write, or a folder we cannot create or write: exit 2, the message says why. */
export class OutputPathError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'OutputPathError';
  }
}

function reason(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (code === 'ENOENT') return 'the path cannot be created there';
  if (code === 'ELOOP') return 'too many symbolic links';
  if (code === 'ENAMETOOLONG') return 'the name is too long';
  return typeof code === 'string' ? code : 'unexpected error';
}

async function lstatOrNull(path: string): Promise<Awaited<ReturnType<typeof lstat>> | null> {
  try {
    return await lstat(path);
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') return null;
    throw err;
  }
}

/** Why a folder cannot be used, in a few words (goes inside the message of the caller). */
class FolderProblem extends Error {}

/**
 * Creates `dir` and its missing parents (mode 0700), one level at a time. An existing folder (or a link to
 * one, the user's choice) is used as it is. Throws a FolderProblem saying what is in the way.
 */
async function createFolder(dir: string): Promise<void> {
  const absolute = resolve(dir);
  const missing: string[] = [];
  let current = absolute;
  // Walk up to the first path that exists.
  for (;;) {
    let info;
    try {
      info = await stat(current);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      // ENOTDIR: a file further up; walking up finds it and says which.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new FolderProblem(reason(err));
      missing.push(current);
      const parent = dirname(current);
      if (parent === current) throw new FolderProblem('its root does not exist');
      current = parent;
      continue;
    }
    if (!info.isDirectory()) {
      throw new FolderProblem(current === absolute ? 'it is a file, not a folder' : `${current} is a file, not a folder`);
    }
    break;
  }
  for (const path of missing.reverse()) {
    try {
      await mkdir(path, { mode: DIR_MODE });
    } catch (err) {
      if ((err as { code?: unknown }).code === 'EEXIST' && (await stat(path).catch(() => null))?.isDirectory()) continue;
      throw new FolderProblem(reason(err));
    }
  }
}

/** createFolder, with an OutputPathError that names the folder. */
export async function ensureDir(dir: string): Promise<void> {
  try {
    await createFolder(dir);
  } catch (err) {
    if (err instanceof FolderProblem) throw new OutputPathError(`Cannot create the folder ${dir}: ${err.message}.`);
    throw err;
  }
}

/**
 * Refuses a destination that is a symbolic link (dangling or not) or anything but a regular file. A
 * missing destination is fine.
 */
export async function assertWritableDestination(path: string): Promise<void> {
  let info;
  try {
    info = await lstatOrNull(path);
  } catch (err) {
    throw new OutputPathError(`Cannot write ${path}: ${reason(err)}.`);
  }
  if (!info) return;
  if (info.isSymbolicLink()) {
    throw new OutputPathError(
      `Refusing to write ${path}: it is a symbolic link. ftr-ready never writes through a link (it could overwrite ` +
        'another file); remove the link or choose another --out.',
    );
  }
  if (!info.isFile()) throw new OutputPathError(`Refusing to write ${path}: it exists and is not a regular file.`);
}

/** The temp files of `path` are `.<name>.<random>.tmp` beside it. */
const tempPrefix = (path: string): string => `.${basename(path)}.`;
const TEMP_SUFFIX = '.tmp';

/**
 * Temp files a writer of `path` left beside it and never renamed into place (a killed process), newest
 * first: what a killed `ftr scan` or dashboard job collected is in them.
 */
export async function leftoverTempFiles(path: string): Promise<{ path: string; mtimeMs: number }[]> {
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  const found: { path: string; mtimeMs: number }[] = [];
  for (const name of names) {
    if (!name.startsWith(tempPrefix(path)) || !name.endsWith(TEMP_SUFFIX)) continue;
    const candidate = join(dirname(path), name);
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) found.push({ path: candidate, mtimeMs: info.mtimeMs });
  }
  return found.sort((a, b) => b.mtimeMs - a.mtimeMs);
}

/** A new temp file beside `path`: random name, O_EXCL (fails on anything already there, links included). */
async function openTemp(path: string, mode: number): Promise<{ tmp: string; handle: FileHandle }> {
  const tmp = join(dirname(path), `${tempPrefix(path)}${randomBytes(9).toString('hex')}${TEMP_SUFFIX}`);
  try {
    const handle = await open(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | constants.O_NOFOLLOW, mode);
    return { tmp, handle };
  } catch (err) {
    throw new OutputPathError(`Cannot write ${path}: ${reason(err)}.`);
  }
}

export interface WriteOptions {
  /** Default 0600. */
  readonly mode?: number;
}

/**
 * Writes through a temp file: `fill` writes the temp file's content, flushes it and closes the handle;
 * then the temp file is renamed over `path`. On any failure the temp file is removed and `path` is
 * untouched.
 */
async function writeVia(path: string, fill: (handle: FileHandle) => Promise<void>, options: WriteOptions): Promise<void> {
  await ensureDir(dirname(path));
  await assertWritableDestination(path);
  const { tmp, handle } = await openTemp(path, options.mode ?? FILE_MODE);
  try {
    await fill(handle);
    await assertWritableDestination(path);
    // rename() replaces the directory entry itself: even a link created meanwhile is replaced, not followed.
    await rename(tmp, path);
  } catch (err) {
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    if (err instanceof UserError) throw err;
    const code = (err as { code?: unknown } | null)?.code;
    if (typeof code === 'string') throw new OutputPathError(`Cannot write ${path}: ${reason(err)}.`);
    throw err;
  }
}

/** Writes `data` to `path` atomically (see the file comment). */
export async function writeOutputFile(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  await writeVia(
    path,
    async (handle) => {
      await handle.writeFile(data);
      await handle.sync();
      await handle.close();
    },
    options,
  );
}

/**
 * For writers that stream (XLSX): `write` gets a stream on the temp file and must end it; the file is
 * flushed, closed and renamed over `path` once the stream has closed.
 */
export async function writeOutputStream(path: string, write: (stream: Writable) => Promise<void>, options: WriteOptions = {}): Promise<void> {
  await writeVia(
    path,
    async (handle) => {
      const stream = handle.createWriteStream({ flush: true });
      const closed = new Promise<void>((resolvePromise, reject) => {
        stream.once('close', resolvePromise);
        stream.once('error', reject);
      });
      try {
        await write(stream);
      } catch (err) {
        stream.destroy();
        throw err;
      }
      await closed;
    },
    options,
  );
}

/**
 * An output file written piece by piece (the sharded snapshot, assessment.json): the pieces go to a temp
 * file beside `path` (same rules as writeOutputFile: 0600, O_EXCL, never through a link); `commit()` flushes
 * it and renames it over `path`; `abort()` removes it and leaves `path` untouched. Nothing is kept in memory.
 */
export interface OutputStream {
  /** The temp file being written (for a process that dies: its pieces are on disk up to the last write). */
  readonly tempPath: string;
  write(chunk: string | Uint8Array): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export async function openOutputStream(path: string, options: WriteOptions = {}): Promise<OutputStream> {
  await ensureDir(dirname(path));
  await assertWritableDestination(path);
  const { tmp, handle } = await openTemp(path, options.mode ?? FILE_MODE);
  let state: 'open' | 'committed' | 'aborted' = 'open';
  const failed = async (err: unknown): Promise<never> => {
    await abort();
    if (err instanceof UserError) throw err;
    const code = (err as { code?: unknown } | null)?.code;
    if (typeof code === 'string') throw new OutputPathError(`Cannot write ${path}: ${reason(err)}.`);
    throw err;
  };
  const abort = async (): Promise<void> => {
    if (state !== 'open') return;
    state = 'aborted';
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
  };
  return {
    tempPath: tmp,
    async write(chunk) {
      if (state !== 'open') throw new Error(`${path} is already ${state}`);
      try {
        // writeFile writes at the current position and loops until every byte is written.
        await handle.writeFile(chunk);
      } catch (err) {
        await failed(err);
      }
    },
    async commit() {
      if (state !== 'open') throw new Error(`${path} is already ${state}`);
      try {
        await handle.sync();
        await handle.close();
        await assertWritableDestination(path);
        // rename() replaces the directory entry itself: even a link created meanwhile is replaced, not followed.
        await rename(tmp, path);
        state = 'committed';
      } catch (err) {
        await failed(err);
      }
    },
    abort,
  };
}

/**
 * Checked before any long work: the folder exists or can be created, is a folder, and takes a new file
 * (a temp file is created and removed, which is the only reliable test as root or on special file systems).
 */
export async function prepareOutputDir(dir: string, flag = '--out'): Promise<void> {
  const refuse = (why: string): OutputPathError =>
    new OutputPathError(`Cannot write to the output directory ${dir} (${why}); choose another with ${flag}.`);
  try {
    await createFolder(dir);
  } catch (err) {
    if (err instanceof FolderProblem) throw refuse(err.message);
    throw err;
  }
  const probe = join(dir, `.ftr-write-test.${randomBytes(9).toString('hex')}`);
  try {
    const handle = await open(probe, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | constants.O_NOFOLLOW, FILE_MODE);
    await handle.close();
    await unlink(probe);
  } catch (err) {
    await unlink(probe).catch(() => undefined);
    throw refuse(reason(err));
  }
}

/**
 * The synchronous twin of writeOutputFile, for the few synchronous callers (`ftr attest init`). Same
 * rules: folders created one level at a time (0700), no link followed, temp file + rename, 0600.
 */
export function writeOutputFileSync(path: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  const dir = dirname(resolve(path));
  const missing: string[] = [];
  for (let current = dir; ; current = dirname(current)) {
    const info = statSync(current, { throwIfNoEntry: false });
    if (info?.isDirectory()) break;
    if (info) throw new OutputPathError(`Cannot create the folder ${dirname(path)}: ${current} is a file, not a folder.`);
    if (dirname(current) === current) throw new OutputPathError(`Cannot create the folder ${dirname(path)}: its root does not exist.`);
    missing.push(current);
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder, { mode: DIR_MODE });
    } catch (err) {
      throw new OutputPathError(`Cannot create the folder ${dirname(path)}: ${reason(err)}.`);
    }
  }
  const refuseLink = (): void => {
    const info = lstatSync(path, { throwIfNoEntry: false });
    if (info?.isSymbolicLink()) {
      throw new OutputPathError(
        `Refusing to write ${path}: it is a symbolic link. ftr-ready never writes through a link (it could overwrite ` +
          'another file); remove the link or choose another path.',
      );
    }
    if (info && !info.isFile()) throw new OutputPathError(`Refusing to write ${path}: it exists and is not a regular file.`);
  };
  refuseLink();
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(9).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | constants.O_NOFOLLOW, options.mode ?? FILE_MODE);
  } catch (err) {
    throw new OutputPathError(`Cannot write ${path}: ${reason(err)}.`);
  }
  try {
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    refuseLink();
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    if (err instanceof UserError) throw err;
    throw new OutputPathError(`Cannot write ${path}: ${reason(err)}.`);
  }
}
