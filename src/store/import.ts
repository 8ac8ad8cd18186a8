/**
 * `ftr import <file>`: a snapshot, an assessment or an attestations file, told apart by content. Each
 * file is validated completely before anything is written, and written in one transaction, so a corrupt
 * or foreign file changes nothing in the store.
 */
import { parseAssessment } from '../io/assessment-file.js';
import { parseSnapshot } from '../io/snapshot-file.js';
import { UserError } from '../core/errors.js';
import { importAttestationsFile, readBoundedFile, type AttestationImportResult } from './attestations-yaml.js';
import type { Actor, Store } from './db.js';
import type { StoredAssessment } from './repositories/assessments.js';
import type { StoredScan } from './repositories/scans.js';
import { validateAssessmentForStore } from './validate.js';

/** Snapshots and assessments of large organisations are big, but not unbounded (V8's string limit is ~512 MiB). */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

export type ImportResult =
  | { readonly kind: 'snapshot'; readonly scan: StoredScan; readonly created: boolean }
  | { readonly kind: 'assessment'; readonly assessment: StoredAssessment; readonly created: boolean; readonly linkedScan: number | null }
  | ({ readonly kind: 'attestations' } & AttestationImportResult);

export type ImportKind = ImportResult['kind'];

/** What the file is: by extension for YAML, by the gzip magic, else by the JSON's leading keys. */
export function detectImportKind(path: string, head: Buffer): ImportKind | null {
  if (/\.ya?ml$/i.test(path)) return 'attestations';
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'snapshot';
  const text = head.toString('utf8');
  if (!/^\s*\{/.test(text)) return null;
  // ftr-ready writes `schemaVersion` first, then `generatedAt` (assessment) or `tool`, `startedAt` (snapshot).
  if (/"generatedAt"\s*:/.test(text) && /"framework"\s*:|"deliveryCategory"\s*:|"summary"\s*:|"items"\s*:/.test(text)) return 'assessment';
  if (/"startedAt"\s*:/.test(text)) return 'snapshot';
  if (/"generatedAt"\s*:/.test(text)) return 'assessment';
  return null;
}

export async function importFile(store: Store, path: string, options: { actor: Actor; now: string }): Promise<ImportResult> {
  if (/\.ya?ml$/i.test(path)) return { kind: 'attestations', ...(await importAttestationsFile(store, path, options)) };
  const bytes = readBoundedFile(path, MAX_IMPORT_BYTES, 'Import file');
  const kind = detectImportKind(path, bytes.subarray(0, 4096));
  if (kind === 'snapshot') {
    const snapshot = parseSnapshot(bytes, path);
    const { scan, created } = await store.scans.record(snapshot, { source: 'import', actor: options.actor });
    return { kind: 'snapshot', scan, created };
  }
  if (kind === 'assessment') {
    const assessment = validateAssessmentForStore(parseAssessment(bytes.toString('utf8'), path), path);
    return store.transaction(async (tx) => {
      const scan = await tx.scans.findByWindow(assessment.scope.principal, assessment.scope.scanStartedAt, assessment.scope.scanFinishedAt);
      const result = await tx.assessments.record(assessment, { scanId: scan?.id ?? null, source: 'import', actor: options.actor });
      return { kind: 'assessment', assessment: result.assessment, created: result.created, linkedScan: scan?.id ?? null };
    });
  }
  throw new UserError(`${path} is not a snapshot (snapshot.json.gz), an assessment (assessment.json) or an attestations file (.yaml).`);
}
