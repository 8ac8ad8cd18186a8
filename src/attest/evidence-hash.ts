/**
 * Local evidence files are recorded in the attestations file with their sha256, so a reviewer can tell the
 * document they approved from one edited later. Paths are relative to the attestations file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

export function sha256Of(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The sha256 of a file, or null when it cannot be read (missing, a directory, no permission). */
export function sha256File(path: string): string | null {
  try {
    return sha256Of(readFileSync(path));
  } catch {
    return null;
  }
}

export function resolveEvidencePath(baseDir: string, ref: string): string {
  return isAbsolute(ref) ? ref : resolve(baseDir, ref);
}

export type EvidenceFileCheck =
  | { readonly ok: true; readonly sha256: string }
  | { readonly ok: false; readonly reason: 'missing' | 'unrecorded' | 'mismatch'; readonly message: string; readonly actual: string | null };

/** Compares a recorded hash with the file on disk. */
export function checkEvidenceFile(baseDir: string, ref: string, recorded: string | undefined): EvidenceFileCheck {
  const path = resolveEvidencePath(baseDir, ref);
  const actual = sha256File(path);
  if (actual === null) {
    return { ok: false, reason: 'missing', actual, message: `evidence file "${ref}" cannot be read (looked for ${path})` };
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
