/**
 * Reading and writing snapshot files (`snapshot.json.gz`, or plain `.json`): the single-document format
 * (1.0) is written here; `ftr scan` writes the sharded format (io/snapshot-stream.ts), which both readers
 * here accept too. Reading goes through the
 * bounded reader (regular files only, size limits before and after gunzip), checks the JSON text (syntax
 * and nesting depth) and validates the whole document, slices included, with the zod schema in
 * src/core/schemas/: what reaches the checks is exactly what the Snapshot type says. Every problem is a
 * UserError (exit 2) that names the file and the problem, never the file's content.
 */
import { gzipSync } from 'node:zlib';
import { UserError } from '../core/errors.js';
import { snapshotSchema } from '../core/schemas/snapshot.js';
import { assembleSnapshot, SNAPSHOT_SCHEMA_VERSION, type Snapshot } from '../core/snapshot.js';
import { gunzipBounded, gunzipBoundedSync, isGzip, readInputFile } from './bounded-read.js';
import { adviceFor, describeIssues, versionText, jsonFileKind, schemaFieldNames, yamlFileKind } from './file-kind.js';
import { parseJsonText } from './json-text.js';
import { writeOutputFile } from './output-file.js';
import { isShardedText, openSnapshotSource, parseShardedText, type SnapshotSource } from './snapshot-stream.js';

const FIELD_NAMES = schemaFieldNames(snapshotSchema);

const SUPPORTED_MAJOR = SNAPSHOT_SCHEMA_VERSION.split('.')[0];

export function serializeSnapshot(snapshot: Snapshot, gzip: boolean): Buffer {
  const json = Buffer.from(JSON.stringify(snapshot));
  return gzip ? gzipSync(json) : json;
}

/** Writes through io/output-file.ts: temp file + rename (never a half file), 0600, never through a link. */
export async function writeSnapshot(path: string, snapshot: Snapshot): Promise<void> {
  await writeOutputFile(path, serializeSnapshot(snapshot, path.endsWith('.gz')));
}

/** Validates decompressed snapshot JSON: one document (format 1) or the records of a sharded file (format 2). */
function parseSnapshotJson(json: Buffer, path: string): Snapshot {
  const text = json.toString('utf8');
  if (isShardedText(text)) {
    const { header, shards, trailer } = parseShardedText(text, path);
    return assembleSnapshot(header, shards, trailer);
  }
  const yamlKind = yamlFileKind(text);
  if (yamlKind !== null) throw new UserError(`${adviceFor(yamlKind, path)}; \`ftr evaluate\` reads the snapshot.json.gz written by \`ftr scan\`.`);
  const data = parseJsonText(text, path, 'the file is corrupt or truncated, or it is not a snapshot written by `ftr scan`');
  const kind = jsonFileKind(data);
  if (kind !== null && kind !== 'snapshot') throw new UserError(`${adviceFor(kind, path)}.`);
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'string' && version.split('.')[0] !== SUPPORTED_MAJOR) {
    throw new UserError(
      `${path} has snapshot schema version ${versionText(version)}; this ftr-ready reads version ${SNAPSHOT_SCHEMA_VERSION}. Re-scan, or use a matching ftr-ready.`,
    );
  }
  return validateSnapshot(data, path);
}

/**
 * The schema check alone, for a snapshot already in memory: `ftr scan` evaluates what it collected only
 * after this check, so a value AWS returned in an unexpected form (a currency Intl refuses) is reported the
 * same way `ftr evaluate` would report it, never passed to a check or a renderer.
 */
export function validateSnapshot(data: unknown, path: string): Snapshot {
  const parsed = snapshotSchema.safeParse(data);
  if (!parsed.success) throw new UserError(`${path} is not an ftr-ready snapshot: ${describeIssues(parsed.error, FIELD_NAMES)}`);
  return parsed.data;
}

/** Parses snapshot bytes (gzip or plain JSON) already in memory, with the same limits as readSnapshot. */
export function parseSnapshot(bytes: Buffer, path: string): Snapshot {
  return parseSnapshotJson(isGzip(bytes) ? gunzipBoundedSync(bytes, path, 'snapshot') : bytes, path);
}

/**
 * The whole snapshot in memory, either format; the decompressed text as a whole stays within
 * FTR_MAX_SNAPSHOT_MB. For large scans use openSnapshot, which reads one account at a time.
 */
export async function readSnapshot(path: string): Promise<Snapshot> {
  const bytes = await readInputFile(path, 'snapshot');
  return parseSnapshotJson(isGzip(bytes) ? await gunzipBounded(bytes, path, 'snapshot') : bytes, path);
}

/** A snapshot of either format, read account by account (io/snapshot-stream.ts); what evaluation uses. */
export function openSnapshot(path: string): Promise<SnapshotSource> {
  return openSnapshotSource(path, readSnapshot);
}
