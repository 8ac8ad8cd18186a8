/**
 * `ftr attest ...`: the attestation file commands, as functions the CLI wires.
 *   attestInit     writes a starter ftr-attestations.yaml (refuses to overwrite without force)
 *   attestHash     prints the sha256 line to record for a local evidence file
 *   readAttestationInputs  loads and validates the file for `ftr evaluate`/`ftr scan`, ready for EvaluateOptions
 * Every bad input is an AttestationError (a UserError: exit code 2) with file:line:column.
 */
import { existsSync } from 'node:fs';
import type { DeliveryCategory, Framework } from '../../core/framework.js';
import { FileExistsError } from '../../attest/errors.js';
import { writeOutputFileSync } from '../../io/output-file.js';
import { resolveEvidencePath, sha256OfFile } from '../../attest/evidence-hash.js';
import { renderStarterFile, starterItems } from '../../attest/init.js';
import { DEFAULT_ATTESTATIONS_FILE, loadAttestations } from '../../attest/parse.js';
import type { AttestationSet, GatingAnswer, ItemAttestation, Suppression } from '../../attest/types.js';
import { expiredSuppressions } from '../../evaluate/attestations.js';
import { parseDelivery, resolveFramework } from '../options.js';

export { DEFAULT_ATTESTATIONS_FILE };

export interface AttestInitOptions {
  readonly frameworkId: string;
  /** A delivery category id (validated). */
  readonly delivery: string;
  readonly scopeName?: string | null;
  /** Defaults to ./ftr-attestations.yaml. */
  readonly outFile?: string;
  readonly force?: boolean;
}

export interface AttestInitResult {
  readonly file: string;
  readonly items: number;
  readonly gatingQuestions: number;
  readonly message: string;
}

/** Writes the starter file safely (temp file + rename, 0600, never through a link). */
export function attestInit(options: AttestInitOptions): AttestInitResult {
  const framework = resolveFramework(options.frameworkId);
  const delivery = parseDelivery(options.delivery);
  const file = options.outFile ?? DEFAULT_ATTESTATIONS_FILE;
  if (existsSync(file) && options.force !== true) throw new FileExistsError(file);
  const text = renderStarterFile(framework, { delivery, scopeName: options.scopeName ?? null });
  writeOutputFileSync(file, text);
  const items = starterItems(framework, delivery).length;
  const gatingQuestions = framework.gatingQuestions.length;
  return {
    file,
    items,
    gatingQuestions,
    message: `Wrote ${file}: ${gatingQuestions} gating question(s) and ${items} manual or partial item(s) for ${framework.id} (${delivery}).`,
  };
}

/** The line to paste under a `- file:` evidence entry. */
export function attestHash(file: string, baseDir = '.'): string {
  // A regular file within the evidence size limit; otherwise an InputReadError (exit 2) says why.
  return `sha256: ${sha256OfFile(resolveEvidencePath(baseDir, file))}`;
}

export interface AttestationInputs {
  readonly attestations: readonly ItemAttestation[];
  readonly gatingAnswers: readonly GatingAnswer[];
  readonly suppressions: readonly Suppression[];
  /** The parsed file, or null when there is none. */
  readonly set: AttestationSet | null;
  /** Human warnings: expired suppressions, unanswered entries. */
  readonly warnings: readonly string[];
}

export interface ReadAttestationOptions {
  /** The file to read (must exist), or null for none. write-assessment.ts's resolveAttestations picks it. */
  readonly file: string | null;
  readonly framework: Framework;
  readonly delivery: DeliveryCategory;
  readonly scopeName?: string | null;
  readonly now: string;
  /** Check ids suppressions may name (the registry); defaults to the framework's checks. */
  readonly checkIds?: readonly string[];
  /** More folders evidence files may be in (`--evidence-root`); default: only the attestations file's folder. */
  readonly evidenceRoots?: readonly string[] | undefined;
}

export function readAttestationInputs(options: ReadAttestationOptions): AttestationInputs {
  const file = options.file;
  if (file === null) return { attestations: [], gatingAnswers: [], suppressions: [], set: null, warnings: [] };
  const set = loadAttestations(file, {
    framework: options.framework,
    now: options.now,
    delivery: options.delivery,
    ...(options.scopeName !== undefined ? { scopeName: options.scopeName } : {}),
    ...(options.checkIds ? { knownCheckIds: options.checkIds } : {}),
    ...(options.evidenceRoots ? { evidenceRoots: options.evidenceRoots } : {}),
  });
  const warnings: string[] = [];
  for (const s of expiredSuppressions(set.suppressions, options.now)) {
    warnings.push(`${file}: the suppression of ${s.checkId} on ${s.resourceId ?? s.resourceArn ?? ''} expired on ${s.expires} and no longer applies.`);
  }
  if (set.unanswered.length > 0) {
    warnings.push(`${file}: ${set.unanswered.length} item(s) not answered yet: ${set.unanswered.join(', ')}.`);
  }
  return { attestations: set.items, gatingAnswers: set.gatingAnswers, suppressions: set.suppressions, set, warnings };
}
