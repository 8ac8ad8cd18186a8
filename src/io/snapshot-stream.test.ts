import { mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACCOUNT_A, ACCOUNT_B, aRegion, anAccount, aSnapshot, collectionError } from '../../test/helpers/snapshot-builder.js';
import type { AccountShard } from '../core/snapshot.js';
import { openSnapshot, readSnapshot, writeSnapshot } from './snapshot-file.js';
import { openSnapshotSource, readShardsForResume, SnapshotFileWriter, writeShardedSnapshot } from './snapshot-stream.js';
import { openOutputStream } from './output-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftr-shards-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const twoAccounts = () =>
  aSnapshot({
    accounts: [anAccount({ accountId: ACCOUNT_A, regional: [aRegion('eu-west-1')] }), anAccount({ accountId: ACCOUNT_B, regional: [aRegion('us-east-1')] })],
    errors: [collectionError('iam', 'GetCredentialReport')],
  });

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('sharded snapshot files', () => {
  it('writes one gzip member per record (header, accounts, trailer) and reads them back one by one', async () => {
    const path = join(dir, 'snapshot.json.gz');
    const snapshot = twoAccounts();
    await writeShardedSnapshot(path, snapshot);
    const lines = gunzipSync(await readFile(path)).toString('utf8').trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { record: string }).record)).toEqual(['header', 'account', 'account', 'trailer']);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const source = await openSnapshot(path);
    expect(source.format).toBe('shards');
    expect(source.accountCount).toBe(2);
    expect((await collect(source.shards())).map((s) => s.account.accountId)).toEqual([ACCOUNT_A, ACCOUNT_B]);
    // The whole-snapshot reader accepts the sharded format too (store import, --db).
    expect(await readSnapshot(path)).toEqual(snapshot);
  });

  it('keeps the collection stats in the trailer record', async () => {
    const path = join(dir, 'stats.json.gz');
    const stats = { requests: 10, attempts: 12, retries: 2, throttles: 1, retriesRefusedByBudget: 0, maxRequestsInFlight: 4, concurrency: 64, perAccountConcurrency: 8, maxAttempts: 8 };
    const snapshot = { ...twoAccounts(), stats };
    await writeShardedSnapshot(path, snapshot);
    const lines = gunzipSync(await readFile(path)).toString('utf8').trimEnd().split('\n');
    expect((JSON.parse(lines[lines.length - 1] ?? '{}') as { stats?: unknown }).stats).toEqual(stats);
    expect(await readSnapshot(path)).toEqual(snapshot);
  });

  it('writes plain JSON lines for a .json path', async () => {
    const path = join(dir, 'plain.json');
    await writeShardedSnapshot(path, twoAccounts());
    expect((await readFile(path, 'utf8')).split('\n')).toHaveLength(5);
    expect((await openSnapshot(path)).accountCount).toBe(2);
  });

  it('still reads the single-document format, gzip and plain, through the same interface', async () => {
    for (const name of ['old.json.gz', 'old.json']) {
      const path = join(dir, name);
      await writeSnapshot(path, twoAccounts());
      const source = await openSnapshot(path);
      expect(source.format).toBe('document');
      expect(source.trailer.errors).toHaveLength(1);
      expect((await collect(source.shards())).map((s) => s.account.accountId)).toEqual([ACCOUNT_A, ACCOUNT_B]);
    }
  });

  it('validates every record with its schema and names the record, not its content', async () => {
    const path = join(dir, 'bad-record.json');
    await writeShardedSnapshot(path, twoAccounts());
    const lines = (await readFile(path, 'utf8')).split('\n');
    lines[2] = lines[2]?.replace(`"accountId":"${ACCOUNT_B}"`, '"accountId":"secret-value"') ?? '';
    await writeFile(path, lines.join('\n'));
    const source = await openSnapshot(path);
    const error = await collect(source.shards()).catch((err: unknown) => err);
    expect(String(error)).toMatch(/bad-record\.json record 3 is not a valid account record: account\.accountId: an account id has 12 digits/);
    expect(String(error)).not.toContain('secret-value');
  });

  it('bounds every record by FTR_MAX_SNAPSHOT_MB, not the whole file', async () => {
    const path = join(dir, 'big.json.gz');
    const snapshot = twoAccounts();
    const big: AccountShard = { complete: true, account: anAccount({ accountId: ACCOUNT_B, name: 'x'.repeat(1_200_000) }), errors: [], operations: [] };
    await writeShardedSnapshot(path, snapshot, [{ complete: true, account: anAccount({ accountId: ACCOUNT_A }), errors: [], operations: [] }, big]);
    vi.stubEnv('FTR_MAX_SNAPSHOT_MB', '1');
    try {
      const source = await openSnapshot(path).catch((err: unknown) => err);
      expect(String(source)).toMatch(/big\.json\.gz: record 3 is larger than the 1 MB limit for one record of a snapshot file \(set FTR_MAX_SNAPSHOT_MB/);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('refuses a file cut off before its trailer, and one whose trailer counts other accounts', async () => {
    const path = join(dir, 'cut.json.gz');
    await writeShardedSnapshot(path, twoAccounts());
    const members = gunzipSync(await readFile(path)).toString('utf8').trimEnd().split('\n');
    await writeFile(path, Buffer.concat(members.slice(0, 3).map((l) => gzipSync(`${l}\n`))));
    await expect(openSnapshot(path)).rejects.toThrow(/ends before its trailer record.*ftr scan --resume/);
    // --resume still uses what it holds.
    const resume = await readShardsForResume(path);
    expect([...resume.accountIds.keys()]).toEqual([ACCOUNT_A, ACCOUNT_B]);
    const lost = [...members.slice(0, 2), members[3] ?? ''];
    await writeFile(path, Buffer.concat(lost.map((l) => gzipSync(`${l}\n`))));
    await expect(openSnapshot(path)).rejects.toThrow(/has 1 account record\(s\) but its trailer counts 2; the file is corrupt/);
  });

  it('reports a corrupt gzip stream without its content', async () => {
    const path = join(dir, 'corrupt.json.gz');
    await writeShardedSnapshot(path, twoAccounts());
    const bytes = await readFile(path);
    await writeFile(path, bytes.subarray(0, bytes.length - 20));
    await expect(openSnapshotSource(path, readSnapshot)).rejects.toThrow(/corrupt\.json\.gz: a corrupt or truncated gzip file/);
  });

  it('leaves the destination untouched and no temp file when a write is aborted, and never writes through a link', async () => {
    const path = join(dir, 'aborted', 'snapshot.json.gz');
    const writer = await SnapshotFileWriter.open(path);
    await writer.header(twoAccounts());
    await writer.abort();
    expect(await readdir(join(dir, 'aborted'))).toEqual([]);
    const link = join(dir, 'link.json.gz');
    await symlink(join(dir, 'elsewhere'), link);
    await expect(openOutputStream(link)).rejects.toThrow(/symbolic link/);
  });
});
