import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { aRegion, anAccount, aSnapshot, observed } from '../../test/helpers/snapshot-builder.js';
import { sampleAssessment } from '../../test/fixtures/assessments/sample.js';
import { DELETE, withChange, type JsonEditPath } from '../../test/helpers/json-edit.js';
import { UserError } from '../core/errors.js';
import { parseSnapshot, readSnapshot, serializeSnapshot, validateSnapshot, writeSnapshot } from './snapshot-file.js';

describe('snapshot files', () => {
  it('round-trips a snapshot through snapshot.json.gz', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ftr-snap-'));
    const path = join(dir, 'snapshot.json.gz');
    const snapshot = aSnapshot();
    await writeSnapshot(path, snapshot);
    const bytes = await readFile(path);
    expect(bytes[0]).toBe(0x1f);
    expect(await readSnapshot(path)).toEqual(snapshot);
  });

  it('reports a truncated gzip file', () => {
    const bytes = serializeSnapshot(aSnapshot(), true);
    const truncated = bytes.subarray(0, Math.floor(bytes.length / 2));
    expect(() => parseSnapshot(truncated, 'snap.json.gz')).toThrow(/snap\.json\.gz: a corrupt or truncated gzip file/);
  });

  it('reports a truncated JSON file', () => {
    const text = serializeSnapshot(aSnapshot(), false).subarray(0, 100);
    expect(() => parseSnapshot(text, 'snap.json')).toThrow(/snap\.json is not valid JSON/);
  });

  it('reports a JSON file that is not a snapshot, naming the fields', () => {
    const bytes = gzipSync(Buffer.from(JSON.stringify({ hello: 'world' })));
    expect(() => parseSnapshot(bytes, 'other.json.gz')).toThrow(UserError);
    expect(() => parseSnapshot(bytes, 'other.json.gz')).toThrow(/not an ftr-ready snapshot: .*schemaVersion/);
  });

  it('reports a bad account id with its path', () => {
    const broken = { ...aSnapshot(), accounts: [{ ...aSnapshot().accounts[0], accountId: '12' }] };
    expect(() => parseSnapshot(Buffer.from(JSON.stringify(broken)), 's.json')).toThrow(/accounts\.0\.accountId: an account id has 12 digits/);
  });

  it('refuses a snapshot of another major schema version', () => {
    const future = { ...aSnapshot(), schemaVersion: '2.0' };
    expect(() => parseSnapshot(Buffer.from(JSON.stringify(future)), 'f.json')).toThrow(/schema version 2\.0/);
  });

  it('says when the file does not exist', async () => {
    await expect(readSnapshot('/nonexistent/snapshot.json.gz')).rejects.toThrow(/Snapshot file not found/);
  });

  it('reads a plain JSON snapshot too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ftr-snap-'));
    const path = join(dir, 'snapshot.json');
    await writeFile(path, JSON.stringify(aSnapshot()));
    expect((await readSnapshot(path)).schemaVersion).toBe('1.0');
  });

  it('reads a snapshot written before launch templates were collected (ec2 without launchTemplateVersions)', async () => {
    const sample = JSON.parse(gunzipSync(await readFile(new URL('../../samples/sample-org.snapshot.json.gz', import.meta.url))).toString('utf8'));
    const ec2 = sample.accounts[0].regional[0].ec2.value;
    expect(ec2.launchTemplateVersions).toBeDefined();
    delete ec2.launchTemplateVersions;
    const parsed = parseSnapshot(Buffer.from(JSON.stringify(sample)), 'old.json');
    const slice = parsed.accounts[0]?.regional[0]?.ec2;
    expect(slice?.ok && slice.value.launchTemplateVersions).toBeUndefined();
  });

  it('reads the bundled sample', async () => {
    const sample = await readSnapshot(new URL('../../samples/sample-org.snapshot.json.gz', import.meta.url).pathname);
    expect(sample.accounts.length).toBeGreaterThan(1);
  });
});

const base = JSON.parse(
  JSON.stringify(aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', { tagging: observed({ resources: observed([]) }) })] })] })),
) as unknown;

/** The base snapshot as JSON with one change, as a fuzzer or a hand edit would make it. */
function mutated(path: JsonEditPath, value: unknown): Buffer {
  return Buffer.from(JSON.stringify(withChange(base, path, value)));
}

const COSTS_WITH_BAD_CURRENCY = {
  ok: true,
  value: {
    monthly: { ok: true, value: { period: { start: '2026-10-01', end: '2026-11-01' }, lines: [{ accountId: '111111111111', service: 'EC2', amount: 1, currency: 'US$' }] } },
    resources: { ok: false, error: { kind: 'access_denied', accountId: '111111111111', region: 'us-east-1', service: 'ce', operation: 'GetCostAndUsageWithResources', code: 'AccessDenied', message: 'x' } },
  },
};

describe('malformed snapshots are refused at the boundary (fuzzer findings)', () => {
  const tagging = ['accounts', 0, 'regional', 0, 'tagging'];
  it.each([
    ['a slice value of the wrong shape (tagging.value = {})', [...tagging, 'value'], {}, /accounts\.0\.regional\.0\.tagging\.value\.resources: /],
    ['a string where a list belongs', [...tagging, 'value', 'resources', 'value'], [{ arn: 'arn:x', tags: 'Name=web' }], /tagging\.value\.resources\.value\.0\.tags: /],
    ['a finishedAt that is not a date', ['finishedAt'], 'yesterday', /finishedAt: not an ISO 8601 date-time/],
    ['a non-ISO currency from Cost Explorer', ['accounts', 0, 'global', 'costs'], COSTS_WITH_BAD_CURRENCY, /lines\.0\.currency: not an ISO 4217 currency code/],
    ['an Observed value without "ok"', ['organization'], { value: null }, /organization\.ok: expected an Observed value/],
    ['an unknown collection error kind', ['errors'], [{ kind: 'boom', accountId: '1', region: 'r', service: 's', operation: 'o', code: 'c', message: 'm' }], /errors\.0\.kind: /],
    ['a missing required field', ['accounts', 0, 'homeRegion'], DELETE, /accounts\.0\.homeRegion: /],
  ])('%s', (_name, path, value, message) => {
    expect(() => parseSnapshot(mutated(path, value), 's.json')).toThrow(UserError);
    expect(() => parseSnapshot(mutated(path, value), 's.json')).toThrow(message);
  });

  it('validates a snapshot in memory the same way (ftr scan, before evaluating what it collected)', () => {
    const collected = withChange(base, ['accounts', 0, 'global', 'costs'], COSTS_WITH_BAD_CURRENCY);
    expect(() => validateSnapshot(collected, 'out/snapshot.json.gz')).toThrow(
      /out\/snapshot\.json\.gz is not an ftr-ready snapshot: accounts\.0\.global\.costs\.value\.monthly\.value\.lines\.0\.currency: not an ISO 4217/,
    );
    expect(validateSnapshot(base, 'out/snapshot.json.gz')).toEqual(base);
  });

  it('shows record keys from the file as [key], never their text', () => {
    const bad = mutated([...tagging, 'value', 'resources', 'value'], [{ arn: 'arn:x', tags: { 'secret-tag-key': 1 } }]);
    expect(() => parseSnapshot(bad, 's.json')).toThrow(/tags\.\[key\]: /);
    expect(() => parseSnapshot(bad, 's.json')).not.toThrow(/secret-tag-key/);
  });

  it('drops fields it does not know (a newer minor version) instead of passing them on', () => {
    const parsed = parseSnapshot(mutated([...tagging, 'value', 'futureField'], 1), 's.json');
    expect(parsed.accounts[0]?.regional[0]?.tagging).toEqual(observed({ resources: observed([]) }));
  });

  it('refuses nesting 200,000 levels deep before parsing it', () => {
    const deep = '{"a":'.repeat(200_000) + '1' + '}'.repeat(200_000);
    expect(() => parseSnapshot(Buffer.from(deep), 'deep.json')).toThrow(/deep\.json is refused: objects and arrays are nested deeper than 100 levels/);
  });
});

describe('snapshot files that are not snapshots', () => {
  it('says an assessment is an assessment and which command reads it', () => {
    const bytes = Buffer.from(JSON.stringify(sampleAssessment()));
    expect(() => parseSnapshot(bytes, 'out/assessment.json')).toThrow(
      'out/assessment.json is an assessment (assessment.json), not a snapshot: render it with `ftr report out/assessment.json`.',
    );
  });

  it('says an attestations YAML file is one', () => {
    const bytes = Buffer.from('version: "1"\nframework: ftr-partner-hosted\nitems:\n');
    expect(() => parseSnapshot(bytes, 'ftr-attestations.yaml')).toThrow(/ftr-attestations\.yaml is an attestations file: pass it to `ftr evaluate <snapshot> --attestations/);
  });

  it('never prints the content of a non-JSON file reached through a symbolic link', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ftr-snap-'));
    await writeFile(join(dir, 'shadow'), 'root:*:19000:0:99999:7:::\n');
    await symlink(join(dir, 'shadow'), join(dir, 'snapshot.json.gz'));
    const error = await readSnapshot(join(dir, 'snapshot.json.gz')).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/snapshot\.json\.gz is not valid JSON \(line 1, column 1: a letter where a value was expected\)/);
    expect((error as Error).message).not.toContain('root');
  });

  it('refuses /dev/zero and a FIFO at once, and gzip past the decompressed limit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ftr-snap-'));
    await expect(readSnapshot('/dev/zero')).rejects.toThrow('Cannot read snapshot file /dev/zero: it is a character device; only regular files are read.');
    execFileSync('mkfifo', [join(dir, 'fifo.json.gz')]);
    await expect(readSnapshot(join(dir, 'fifo.json.gz'))).rejects.toThrow(/it is a named pipe \(FIFO\)/);
    // The gzip bomb at the default limit is in bounded-read.test.ts; here with a lowered limit.
    vi.stubEnv('FTR_MAX_SNAPSHOT_MB', '1');
    await writeFile(join(dir, 'bomb.json.gz'), gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x20)));
    await expect(readSnapshot(join(dir, 'bomb.json.gz'))).rejects.toThrow(/bomb\.json\.gz: decompressed size exceeds 1 MB, the limit for a snapshot file/);
    vi.unstubAllEnvs();
  });
});
