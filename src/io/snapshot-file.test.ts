import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { aSnapshot } from '../../test/helpers/snapshot-builder.js';
import { UserError } from '../core/errors.js';
import { parseSnapshot, readSnapshot, serializeSnapshot, writeSnapshot } from './snapshot-file.js';

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
});
