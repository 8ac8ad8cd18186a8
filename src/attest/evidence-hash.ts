/**
 * Local evidence files are recorded in the attestations file with their sha256, so a reviewer can tell the
 * document they approved from one edited later. Paths are relative to the attestations file.
 *
 * An evidence file must be a regular file inside the attestations file's folder (after resolving `..` and
 * symbolic links) or inside a folder the caller allows (`--evidence-root`). Anything else is refused
 * before it is opened, so an attestations file cannot make ftr-ready read, hash or echo `/etc/shadow` or
 * block on `/dev/zero` or a FIFO. Files are hashed in chunks through the bounded reader (size limit:
 * INPUT_LIMITS.evidence).
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { forEachChunkSync, InputReadError } from '../io/bounded-read.js';

export function sha256Of(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * The sha256 of a regular file, read in chunks within the evidence size limit. Throws an InputReadError
 * (a UserError naming the file and the problem) when it cannot be read.
 */
export function sha256OfFile(path: string): string {
  const hash = createHash('sha256');
  forEachChunkSync(path, 'evidence', (chunk) => hash.update(chunk));
  return hash.digest('hex');
}

/** The sha256 of a file, or null when it cannot be read (missing, not a regular file, too large, no permission). */
export function sha256File(path: string): string | null {
  try {
    return sha256OfFile(path);
  } catch (err) {
    if (err instanceof InputReadError) return null;
    throw err;
  }
}

export function resolveEvidencePath(baseDir: string, ref: string): string {
  return isAbsolute(ref) ? ref : resolve(baseDir, ref);
}

/** True when `path` is `root` or below it (both already resolved by realpath). */
function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function realpathOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

export type EvidenceFileCheck =
  | { readonly ok: true; readonly sha256: string }
  | {
      readonly ok: false;
      readonly reason: 'missing' | 'outside' | 'unreadable' | 'unrecorded' | 'mismatch';
      readonly message: string;
      readonly actual: string | null;
    };

/**
 * Compares a recorded hash with the file on disk. The file must resolve inside `baseDir` or one of
 * `extraRoots`; one that does not is reported without being read.
 */
export function checkEvidenceFile(baseDir: string, ref: string, recorded: string | undefined, extraRoots: readonly string[] = []): EvidenceFileCheck {
  const path = resolveEvidencePath(baseDir, ref);
  const real = realpathOrNull(path);
  if (real === null) {
    return { ok: false, reason: 'missing', actual: null, message: `evidence file "${ref}" cannot be read (looked for ${path})` };
  }
  const roots = [baseDir, ...extraRoots].map((r) => realpathOrNull(resolve(r))).filter((r): r is string => r !== null);
  if (!roots.some((root) => isInside(real, root))) {
    return {
      ok: false,
      reason: 'outside',
      actual: null,
      message: `evidence file "${ref}" is outside the attestations file's folder (${resolve(baseDir)}); move it there, or allow its folder with --evidence-root`,
    };
  }
  let actual: string;
  try {
    actual = sha256OfFile(real);
  } catch (err) {
    if (!(err instanceof InputReadError)) throw err;
    return { ok: false, reason: 'unreadable', actual: null, message: `evidence file "${ref}" cannot be read: ${err.reason}` };
  }
  if (recorded === undefined || recorded === '') {
    return {
      ok: false,
      reason: 'unrecorded',
      actual,
      message: `evidence file "${ref}" has no recorded sha256; add "sha256: ${actual}" after reviewing it`,
    };
  }
  if (recorded !== actual) {
    return {
      ok: false,
      reason: 'mismatch',
      actual,
      message: `evidence file "${ref}" changed since it was recorded (recorded sha256 ${recorded}, now ${actual}); review it and record the new hash`,
    };
  }
  return { ok: true, sha256: actual };
}
