/**
 * Attestations round-trip between the store and ftr-attestations.yaml (docs/attestations.md), so a team
 * that keeps the file in git and a team that answers in the dashboard can work on the same application.
 *
 * Export: the starter file of `ftr attest init` (same comments and order) with every stored answer filled
 * in, checked by parsing it back with the file parser. Import: the file parser (every error with
 * file:line:column), then one transaction that stores evidence files and writes each answered entry as a
 * new version where it differs from the stored one. Nothing is deleted by an import: entries only in the
 * store are kept, and an empty answer in the file never clears a stored one.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse as parseYaml, parseDocument } from 'yaml';
import { ALL_CHECKS } from '../checks/index.js';
import { UserError } from '../core/errors.js';
import type { DeliveryCategory, Framework } from '../core/framework.js';
import { resolveEvidencePath, sha256Of } from '../attest/evidence-hash.js';
import { renderStarterFile } from '../attest/init.js';
import { parseAttestations } from '../attest/parse.js';
import type { AttestationSet } from '../attest/types.js';
import { getFramework, UnknownFrameworkError } from '../frameworks/index.js';
import { entriesFromSet, sameDocument, type GatingAnswerDocument, type ItemAttestationDocument, type SuppressionDocument } from './attestation-documents.js';
import type { Actor, Repositories, Store } from './db.js';
import { EvidenceRejectedError } from './errors.js';
import { MAX_EVIDENCE_BYTES } from './evidence-policy.js';

/** An attestations file is hand-written text; anything larger is not one. */
export const MAX_ATTESTATIONS_FILE_BYTES = 5 * 1024 * 1024;

const knownCheckIds = () => ALL_CHECKS.map((c) => c.id);

export interface ExportedAttestations {
  readonly text: string;
  /** The same content, parsed: what an evaluation with the stored attestations uses. */
  readonly set: AttestationSet;
  /** Local evidence files the text refers to (to write next to it). */
  readonly evidenceFiles: readonly { readonly ref: string; readonly sha256: string }[];
  readonly entries: number;
}

export interface ExportOptions {
  readonly framework: Framework;
  readonly delivery: DeliveryCategory;
  readonly scopeName: string | null;
  /** ISO time for the parse-back check (dates after it are refused). */
  readonly now: string;
}

export async function exportAttestations(repositories: Pick<Repositories, 'attestations'>, options: ExportOptions): Promise<ExportedAttestations> {
  const { framework } = options;
  const records = await repositories.attestations.list({ frameworkId: framework.id, scopeName: options.scopeName });
  const doc = parseDocument(renderStarterFile(framework, { delivery: options.delivery, scopeName: options.scopeName }));
  const suppressions: SuppressionDocument[] = [];
  const evidenceFiles = new Map<string, { ref: string; sha256: string }>();
  for (const record of records) {
    if (record.document === null) continue;
    if (record.kind === 'gating') {
      const g = record.document as GatingAnswerDocument;
      for (const field of ['answer', 'justification', 'owner', 'date'] as const) doc.setIn(['gating', record.subject, field], g[field]);
    } else if (record.kind === 'item') {
      const i = record.document as ItemAttestationDocument;
      for (const field of ['answer', 'justification', 'owner', 'date', 'reviewer'] as const) doc.setIn(['items', record.subject, field], i[field]);
      doc.setIn(['items', record.subject, 'evidence'], doc.createNode(i.evidence.map((e) => ({ ...e }))));
      if (i.expires !== '') doc.setIn(['items', record.subject, 'expires'], i.expires);
      for (const e of i.evidence) if ('file' in e) evidenceFiles.set(`${e.file}|${e.sha256}`, { ref: e.file, sha256: e.sha256 });
    } else {
      suppressions.push(record.document as SuppressionDocument);
    }
  }
  if (suppressions.length > 0) {
    doc.set(
      'suppressions',
      doc.createNode(
        suppressions.map((s) => ({
          checkId: s.checkId,
          account: s.account,
          ...(s.resourceId !== '' ? { resourceId: s.resourceId } : {}),
          ...(s.resourceArn !== '' ? { resourceArn: s.resourceArn } : {}),
          ...(s.region !== '' ? { region: s.region } : {}),
          justification: s.justification,
          owner: s.owner,
          expires: s.expires,
        })),
      ),
    );
  }
  const text = doc.toString({ lineWidth: 0 });
  // The export must be a file `ftr evaluate --attestations` accepts: parse it back (files are in the store).
  const set = parseAttestations(text, '(exported attestations)', {
    framework,
    now: options.now,
    delivery: options.delivery,
    scopeName: options.scopeName,
    knownCheckIds: knownCheckIds(),
    verifyEvidence: false,
  });
  return { text, set, evidenceFiles: [...evidenceFiles.values()], entries: records.filter((r) => r.document !== null).length };
}

export interface AttestationImportResult {
  readonly frameworkId: string;
  readonly scopeName: string | null;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Entries unanswered in the file (left as they are in the store). */
  readonly unanswered: number;
  /** Stored entries the file does not have (kept). */
  readonly onlyInStore: number;
  readonly evidenceFilesStored: number;
}

/** Reads at most `limit` bytes of a regular file; a larger one is refused before it is read. */
export function readBoundedFile(path: string, limit: number, what: string): Buffer {
  let size: number;
  try {
    const stat = lstatSync(path);
    if (!stat.isFile()) throw new UserError(`${what} ${path} is not a regular file.`);
    size = stat.size;
  } catch (err) {
    if (err instanceof UserError) throw err;
    const code = (err as { code?: string }).code;
    throw new UserError(code === 'ENOENT' ? `${what} not found: ${path}` : `Cannot read ${what.toLowerCase()} ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (size > limit) throw new UserError(`${what} ${path} is ${size} bytes; the limit is ${limit} bytes.`);
  return readFileSync(path);
}

function frameworkOfFile(text: string, file: string, now: string): Framework {
  let id: unknown;
  try {
    id = (parseYaml(text, { schema: 'failsafe' }) as { framework?: unknown } | null)?.framework;
  } catch {
    // Malformed YAML: let the file parser report it with line and column (the framework is irrelevant then).
    parseAttestations(text, file, { framework: getFramework('ftr-partner-hosted'), now });
  }
  if (typeof id !== 'string' || id === '') throw new UserError(`${file} does not name a framework (framework: <id>); it is not an attestations file.`);
  try {
    return getFramework(id);
  } catch (err) {
    if (err instanceof UnknownFrameworkError) throw new UserError(`${file}: ${err.message}`);
    throw err;
  }
}

/**
 * Imports an attestations file: validated like `ftr evaluate --attestations` (evidence files verified
 * against their sha256), then stored in ONE transaction: a conflict or a bad evidence file changes nothing.
 */
export async function importAttestationsFile(store: Store, file: string, options: { actor: Actor; now: string }): Promise<AttestationImportResult> {
  const text = readBoundedFile(file, MAX_ATTESTATIONS_FILE_BYTES, 'Attestations file').toString('utf8');
  const framework = frameworkOfFile(text, file, options.now);
  const baseDir = dirname(file);
  const set = parseAttestations(text, file, { framework, now: options.now, baseDir, knownCheckIds: knownCheckIds() });
  const entries = entriesFromSet(set);
  // Read every evidence file before the transaction; the hash is checked again on what was read.
  const evidence = new Map<string, { fileName: string; bytes: Buffer }>();
  for (const item of set.items) {
    for (const e of item.evidence) {
      if (e.kind !== 'file' || e.sha256 === undefined || evidence.has(e.sha256)) continue;
      const bytes = readBoundedFile(resolveEvidencePath(baseDir, e.ref), MAX_EVIDENCE_BYTES, 'Evidence file');
      if (sha256Of(bytes) !== e.sha256) throw new EvidenceRejectedError(`Evidence file ${e.ref} changed while it was being imported; run the import again.`);
      evidence.set(e.sha256, { fileName: e.ref, bytes });
    }
  }
  const scopeName = set.scope;
  return store.transaction(async (tx) => {
    let evidenceFilesStored = 0;
    for (const file of evidence.values()) {
      const { created } = await tx.evidence.put({ fileName: file.fileName, bytes: file.bytes, actor: options.actor });
      if (created) evidenceFilesStored += 1;
    }
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const seen = new Set<string>();
    for (const entry of entries) {
      const key = { frameworkId: framework.id, scopeName, kind: entry.kind, subject: entry.subject };
      seen.add(`${entry.kind}|${entry.subject}`);
      const current = await tx.attestations.get(key);
      if (current?.document && sameDocument(current.document, entry.document)) {
        unchanged += 1;
        continue;
      }
      await tx.attestations.save({ ...key, document: entry.document, expectedVersion: current?.version ?? 0, actor: options.actor, source: 'import' });
      if (current?.document) updated += 1;
      else created += 1;
    }
    const stored = await tx.attestations.list({ frameworkId: framework.id, scopeName });
    const onlyInStore = stored.filter((r) => !seen.has(`${r.kind}|${r.subject}`)).length;
    return { frameworkId: framework.id, scopeName, created, updated, unchanged, unanswered: set.unanswered.length, onlyInStore, evidenceFilesStored };
  });
}
