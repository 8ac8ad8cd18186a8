/**
 * `ftr scan --resume`: a fake collector runner stands in for runScanToSink (it records which accounts it was
 * asked to collect), so the test shows that only accounts without a complete shard are collected again.
 */
import { appendFile, mkdir, mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAccount, aSnapshot } from '../../test/helpers/snapshot-builder.js';
import type { ScanOptions } from '../collect/run-collection.js';
import { shardsOf, type SnapshotTrailer } from '../core/snapshot.js';
import { openSnapshot, readSnapshot } from '../io/snapshot-file.js';
import { SnapshotFileWriter } from '../io/snapshot-stream.js';
import { scanToFile, type ScanRunner } from './scan-snapshot.js';

const ORG = ['111111111111', '222222222222', '333333333333', '444444444444'];
const header = shardsOf(aSnapshot({ mode: 'organization' })).header;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftr-resume-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Collects every account of ORG not skipped; stops (Ctrl-C) after `stopAfter` accounts. */
function fakeRunner(collected: string[], stopAfter = Infinity): ScanRunner {
  return async (options: ScanOptions, sink) => {
    await sink.start(header);
    let n = 0;
    for (const id of ORG.filter((a) => !options.skipAccounts?.has(a))) {
      const stopped = n >= stopAfter;
      if (!stopped) collected.push(id);
      await sink.account({ complete: !stopped, account: anAccount({ accountId: id, name: stopped ? 'not reached' : `collected ${collected.length}` }), errors: [], operations: [] });
      n += 1;
    }
    const interrupted = n > stopAfter;
    const trailer: SnapshotTrailer = {
      finishedAt: new Date().toISOString(),
      complete: !interrupted,
      interruption: interrupted ? { reason: 'interrupted by the user (Ctrl-C)' } : null,
      errors: [],
      operations: [],
    };
    return trailer;
  };
}

const options: ScanOptions = { org: true, roleName: 'FtrReadOnly', concurrency: 4 };


/** The temp file a SnapshotFileWriter left in `folder` (a killed scan's). */
async function tempFileIn(folder: string): Promise<string> {
  const [temp] = (await readdir(folder)).filter((n) => n.endsWith('.tmp'));
  if (!temp) throw new Error('the writer left no temp file');
  return temp;
}

describe('scanToFile and --resume', () => {
  it('collects only the accounts without a complete shard, then writes the complete snapshot', async () => {
    const path = join(dir, 'snapshot.json.gz');
    const first: string[] = [];
    const interrupted = await scanToFile(path, options, fakeRunner(first, 2), false);
    expect(interrupted.trailer.complete).toBe(false);
    expect(first).toEqual(ORG.slice(0, 2));
    const partial = await readSnapshot(path);
    expect(partial.complete).toBe(false);
    expect(partial.accounts).toHaveLength(4);

    const second: string[] = [];
    const resumed = await scanToFile(path, options, fakeRunner(second), true);
    expect(second).toEqual(ORG.slice(2));
    expect(resumed.resumed).toBe(2);
    const source = await openSnapshot(path);
    expect(source.trailer.complete).toBe(true);
    expect(source.header.startedAt).toBe(partial.startedAt);
    const whole = await readSnapshot(path);
    expect(whole.accounts.map((a) => [a.accountId, a.name])).toEqual([
      ['111111111111', 'collected 1'],
      ['222222222222', 'collected 2'],
      ['333333333333', 'collected 1'],
      ['444444444444', 'collected 2'],
    ]);
  });

  it('refuses to resume with other options or without a snapshot, leaving the file as it was', async () => {
    const path = join(dir, 'other', 'snapshot.json.gz');
    await expect(scanToFile(path, options, fakeRunner([]), true)).rejects.toThrow(/--resume: there is no snapshot to resume at .*other\/snapshot\.json\.gz/);
    await scanToFile(path, options, fakeRunner([], 1), false);
    const single = fakeRunner([]);
    const asSingle: ScanRunner = async (o, sink) => single(o, { ...sink, start: (h) => sink.start({ ...h, mode: 'account' }) });
    await expect(scanToFile(path, { ...options, org: false }, asSingle, true)).rejects.toThrow(/does not match this scan \(it is an --org scan\)/);
    expect((await readSnapshot(path)).complete).toBe(false);
  });

  it('recovers what a killed scan left in its temp file, then collects only the rest', async () => {
    const folder = join(dir, 'killed');
    await mkdir(folder);
    const path = join(folder, 'snapshot.json.gz');
    // A scan killed mid-way: header and two finished accounts written, the third torn, never renamed into place.
    const writer = await SnapshotFileWriter.open(path);
    await writer.header(header);
    for (const id of ORG.slice(0, 2)) await writer.account({ complete: true, account: anAccount({ accountId: id, name: `killed run ${id}` }), errors: [], operations: [] });
    const temp = await tempFileIn(folder);
    await appendFile(join(folder, temp), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00]));
    const now = new Date();
    await utimes(join(folder, temp), now, now);
    await expect(scanToFile(path, options, fakeRunner([]), true)).rejects.toThrow(/written less than a minute ago; another scan may still be writing/);

    const old = new Date(Date.now() - 5 * 60_000);
    await utimes(join(folder, temp), old, old);
    const collected: string[] = [];
    const resumed = await scanToFile(path, options, fakeRunner(collected), true);
    expect(collected).toEqual(ORG.slice(2));
    expect(resumed.resumed).toBe(2);
    expect(resumed.trailer.complete).toBe(true);
    const whole = await readSnapshot(path);
    expect(whole.accounts.map((a) => a.name)).toEqual(['killed run 111111111111', 'killed run 222222222222', 'collected 1', 'collected 2']);
    expect((await readdir(folder)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a --resume killed while it copied the earlier accounts loses none of them', async () => {
    const folder = join(dir, 'killed-resume');
    await mkdir(folder);
    const path = join(folder, 'snapshot.json.gz');
    // An interrupted snapshot with three finished accounts...
    await scanToFile(path, options, fakeRunner([], 3), false);
    // ...whose --resume was killed after copying only the first of them into its temp file.
    const writer = await SnapshotFileWriter.open(path);
    await writer.header(header);
    await writer.account({ complete: true, account: anAccount({ accountId: ORG[0] ?? '', name: 'copied by the killed resume' }), errors: [], operations: [] });
    const temp = await tempFileIn(folder);
    const old = new Date(Date.now() - 5 * 60_000);
    await utimes(path, old, old);
    const later = new Date(Date.now() - 2 * 60_000);
    await utimes(join(folder, temp), later, later);

    const collected: string[] = [];
    const resumed = await scanToFile(path, options, fakeRunner(collected), true);
    expect(collected).toEqual(ORG.slice(3));
    expect(resumed.resumed).toBe(3);
    const whole = await readSnapshot(path);
    expect(whole.accounts.map((a) => a.name)).toEqual(['copied by the killed resume', 'collected 2', 'collected 3', 'collected 1']);
  });
});
