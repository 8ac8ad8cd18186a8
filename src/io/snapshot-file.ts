/**
 * Reading and writing snapshot files (`snapshot.json.gz`, or plain `.json`). Reading validates the
 * envelope with zod and reports a corrupt, truncated or foreign file with a specific message.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { UserError } from '../core/errors.js';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot } from '../core/snapshot.js';
import { writeOutputFile } from './output-file.js';

const observedSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ kind: z.string(), code: z.string(), message: z.string() }).loose() }),
]);

/** The envelope: what evaluation relies on. Slices are validated by the checks' own Observed handling. */
const snapshotEnvelope = z
  .object({
    schemaVersion: z.string(),
    tool: z.object({ name: z.literal('ftr-ready'), version: z.string() }),
    startedAt: z.string(),
    finishedAt: z.string(),
    complete: z.boolean(),
    interruption: z.object({ reason: z.string() }).nullable(),
    principal: z.object({ arn: z.string(), accountId: z.string() }),
    partition: z.string(),
    mode: z.enum(['account', 'organization']),
    requestedRegions: z.array(z.string()).nullable(),
    organization: observedSchema,
    accounts: z.array(
      z
        .object({
          accountId: z.string().regex(/^\d{12}$/, 'an account id has 12 digits'),
          name: z.string().nullable(),
          access: observedSchema,
          regions: observedSchema,
          homeRegion: z.string(),
          global: z.record(z.string(), observedSchema),
          regional: z.array(z.object({ region: z.string() }).catchall(observedSchema)),
        })
        .loose(),
    ),
    errors: z.array(z.object({ kind: z.string(), code: z.string() }).loose()),
    operations: z.array(z.object({ operation: z.string(), outcome: z.string() }).loose()),
  })
  .loose();

const SUPPORTED_MAJOR = SNAPSHOT_SCHEMA_VERSION.split('.')[0];

export function serializeSnapshot(snapshot: Snapshot, gzip: boolean): Buffer {
  const json = Buffer.from(JSON.stringify(snapshot));
  return gzip ? gzipSync(json) : json;
}

/** Writes through io/output-file.ts: temp file + rename (never a half file), 0600, never through a link. */
export async function writeSnapshot(path: string, snapshot: Snapshot): Promise<void> {
  await writeOutputFile(path, serializeSnapshot(snapshot, path.endsWith('.gz')));
}

export function parseSnapshot(bytes: Buffer, path: string): Snapshot {
  let text: string;
  const gzipped = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (gzipped) {
    try {
      text = gunzipSync(bytes).toString('utf8');
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new UserError(`${path} is a corrupt or truncated gzip file (${why}). Re-run the scan or restore the file.`);
    }
  } else {
    text = bytes.toString('utf8');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new UserError(`${path} is not valid JSON (${why}); the file is corrupt or truncated.`);
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'string' && version.split('.')[0] !== SUPPORTED_MAJOR) {
    throw new UserError(
      `${path} has snapshot schema version ${version}; this ftr-ready reads version ${SNAPSHOT_SCHEMA_VERSION}. Re-scan, or use a matching ftr-ready.`,
    );
  }
  const parsed = snapshotEnvelope.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`)
      .join('; ');
    throw new UserError(`${path} is not an ftr-ready snapshot: ${issues}`);
  }
  return data as Snapshot;
}

export async function readSnapshot(path: string): Promise<Snapshot> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new UserError(code === 'ENOENT' ? `Snapshot file not found: ${path}` : `Cannot read ${path}: ${String(err)}`);
  }
  return parseSnapshot(bytes, path);
}
