/**
 * `ftr scan`'s collection into snapshot.json.gz: every account is written as a shard the moment it finishes
 * (io/snapshot-stream.ts), so the scan holds only the accounts in progress. With `--resume`, the accounts
 * that already have a complete shard in the existing file are copied, not collected again; the rest (never
 * reached, or cut off by Ctrl-C) are collected, and the complete snapshot replaces the file. A scan that was
 * killed (SIGKILL, power loss) never renamed its temp file into place: `--resume` first recovers the accounts
 * that temp file holds into the snapshot, so nothing a killed scan collected is collected twice.
 */
import { stat, unlink } from 'node:fs/promises';
import { UserError } from '../core/errors.js';
import type { AccountShard, SnapshotHeader, SnapshotTrailer } from '../core/snapshot.js';
import type { AccountDistributor, ScanOptions, ShardSink } from '../collect/run-collection.js';
import { InputReadError } from '../io/bounded-read.js';
import { leftoverTempFiles } from '../io/output-file.js';
import { openKilledScan, readShardsForResume, SnapshotFileWriter } from '../io/snapshot-stream.js';

/** Collects into a sink and returns the trailer (runScanToSink; a fake in tests). */
export type ScanRunner = (options: ScanOptions, sink: ShardSink) => Promise<SnapshotTrailer>;

export interface ScanToFileResult {
  readonly trailer: SnapshotTrailer;
  readonly accounts: number;
  readonly regions: number;
  /** Account x region pairs scanned, and those read posture-only (collect/region-signal.ts). */
  readonly accountRegions: number;
  readonly postureOnly: number;
  readonly apiCalls: number;
  readonly failedReads: number;
  /** Accounts copied from the existing file by --resume. */
  readonly resumed: number;
}

function sameRegions(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && [...a].sort().every((r, i) => r === [...b].sort()[i]);
}

/** Why the existing snapshot cannot be resumed with these options, or null. */
function resumeMismatch(prior: SnapshotHeader, current: SnapshotHeader): string | null {
  if (prior.principal.accountId !== current.principal.accountId) {
    return `it was scanned from account ${prior.principal.accountId}, these credentials are account ${current.principal.accountId}`;
  }
  if (prior.mode !== current.mode) return `it is a${prior.mode === 'organization' ? 'n --org' : ' single-account'} scan`;
  if (!sameRegions(prior.requestedRegions, current.requestedRegions)) {
    return `it was scanned with ${prior.requestedRegions ? `--regions ${prior.requestedRegions.join(',')}` : 'every enabled region'}`;
  }
  return null;
}

/** A temp file younger than this may belong to a scan still running: --resume leaves it alone. */
const LIVE_TEMP_MS = 60_000;

/**
 * The temp file a killed `ftr scan` left next to `path` (the newest, and only if it is newer than `path`
 * itself: a killed `--resume` copied the older file's accounts into it), or null.
 */
async function killedScanTemp(path: string): Promise<{ path: string; mtimeMs: number } | null> {
  const [newest] = await leftoverTempFiles(path);
  if (!newest) return null;
  const pathTime = await stat(path).then((s) => s.mtimeMs, () => 0);
  return newest.mtimeMs > pathTime ? newest : null;
}

/** The interruption of a snapshot recovered by `ftr scan --resume` from a killed scan's temp file. */
export const KILLED_SCAN_RESUME_REASON = 'The scan process was killed; its accounts were recovered from its temp file by --resume.';

export interface RecoverKilledScanOptions {
  readonly now?: number;
  /** The snapshot's interruption reason (default KILLED_SCAN_RESUME_REASON). */
  readonly reason?: string;
  /**
   * The caller knows the writer is gone (the dashboard checked that the job's server process is dead): a
   * temp file younger than a minute is recovered too instead of refused.
   */
  readonly writerGone?: boolean;
}

/**
 * Writes what a killed scan's temp file holds to `path` as an interrupted snapshot (its accounts, complete or
 * not, as they were written; no trailer survived, so no scan-wide errors), one shard at a time, then removes
 * the temp file. Complete accounts of the snapshot already at `path` that the temp file lacks are kept when
 * it is of the same scan (a killed `--resume` that had not copied them all yet). Returns the number of accounts recovered, or null when there is nothing to recover.
 * `ftr scan --resume` and the dashboard's recovery of a killed server's job folders both use it.
 */
export async function recoverKilledScan(path: string, options: RecoverKilledScanOptions = {}): Promise<number | null> {
  const temp = await killedScanTemp(path);
  if (!temp) return null;
  if (options.writerGone !== true && (options.now ?? Date.now()) - temp.mtimeMs < LIVE_TEMP_MS) {
    throw new UserError(
      `--resume: ${temp.path} was written less than a minute ago; another scan may still be writing ${path}. Wait for it to end (or stop it), then resume.`,
    );
  }
  const left = await openKilledScan(temp.path);
  if (!left) return null;
  const earlier = await earlierSnapshotOfSameScan(path, left.header);
  const writer = await SnapshotFileWriter.open(path);
  let accounts = 0;
  try {
    await writer.header(left.header);
    const written = new Set<string>();
    for await (const shard of left.shards()) {
      await writer.account(shard);
      written.add(shard.account.accountId);
      accounts += 1;
    }
    // A killed `--resume` may have died while it copied the earlier snapshot's accounts: the ones it had not
    // copied yet are still in that snapshot, and replacing it must not lose them.
    if (earlier) {
      for await (const shard of earlier.shards) {
        if (!shard.complete || written.has(shard.account.accountId)) continue;
        written.add(shard.account.accountId);
        await writer.account(shard);
        accounts += 1;
      }
    }
    await writer.finish({
      finishedAt: new Date(temp.mtimeMs).toISOString(),
      complete: false,
      interruption: { reason: options.reason ?? KILLED_SCAN_RESUME_REASON },
      errors: [],
      operations: [],
    });
  } catch (err) {
    await writer.abort();
    throw err;
  }
  await unlink(temp.path).catch(() => undefined);
  return accounts;
}

/** The snapshot already at `path` when it is of the same scan as a killed scan's temp file (else null). */
async function earlierSnapshotOfSameScan(path: string, header: SnapshotHeader): Promise<Awaited<ReturnType<typeof readShardsForResume>> | null> {
  try {
    const earlier = await readShardsForResume(path);
    return resumeMismatch(earlier.header, header) === null ? earlier : null;
  } catch {
    // None, an older single-document snapshot or an unreadable one: the temp file's accounts are all there is.
    return null;
  }
}

/**
 * The worker threads an --org scan's accounts are spread over (docs/decisions/0011): `workers`
 * (`--workers`), else one per core. Loaded only when there is more than one thread; a single account always
 * runs in the calling thread. `ftr scan` and the dashboard's scan jobs both take it.
 */
export async function workerThreads(scan: ScanOptions, workers: number | undefined): Promise<AccountDistributor | undefined> {
  if (!scan.org) return undefined;
  const { defaultWorkerThreads, threadDistributor } = await import('../collect/workers/thread-pool.js');
  const threads = workers ?? defaultWorkerThreads();
  if (threads <= 1) return undefined;
  // The threads copy what they need of the scan's options (deep regions included) as plain data.
  return threadDistributor({ threads, scan });
}

export async function scanToFile(path: string, options: ScanOptions, runner: ScanRunner, resume: boolean): Promise<ScanToFileResult> {
  let prior: Awaited<ReturnType<typeof readShardsForResume>> | null = null;
  if (resume) {
    await recoverKilledScan(path);
    try {
      prior = await readShardsForResume(path);
    } catch (err) {
      if (err instanceof InputReadError && err.problem === 'not-found') {
        throw new UserError(`--resume: there is no snapshot to resume at ${path}. Run the scan without --resume.`);
      }
      throw err;
    }
  }
  const done = new Set(prior ? [...prior.accountIds].filter(([, complete]) => complete).map(([id]) => id) : []);
  let writer: SnapshotFileWriter | null = null;
  const regions = new Set<string>();
  let accounts = 0;
  let apiCalls = 0;
  let failedReads = 0;
  let resumed = 0;
  let accountRegions = 0;
  let postureOnly = 0;
  const count = (shard: AccountShard): void => {
    accounts += 1;
    accountRegions += shard.account.regional.length;
    postureOnly += shard.account.regional.filter((r) => r.read?.mode === 'posture-only').length;
    for (const r of shard.account.regional) regions.add(r.region);
    for (const o of shard.operations) apiCalls += o.calls;
    failedReads += shard.errors.length;
  };
  const sink: ShardSink = {
    async start(header) {
      if (prior) {
        const why = resumeMismatch(prior.header, header);
        if (why) throw new UserError(`--resume: the snapshot at ${path} does not match this scan (${why}). Resume with the same options, or scan without --resume.`);
      }
      writer = await SnapshotFileWriter.open(path);
      // A resumed snapshot keeps the time its scan started: recency rules count from the first scan.
      await writer.header(prior ? { ...header, startedAt: prior.header.startedAt } : header);
      if (!prior) return;
      const copied = new Set<string>();
      for await (const shard of prior.shards) {
        if (!shard.complete || copied.has(shard.account.accountId)) continue;
        copied.add(shard.account.accountId);
        await writer.account(shard);
        count(shard);
        resumed += 1;
      }
    },
    async account(shard) {
      if (!writer) throw new Error('a shard arrived before the snapshot header');
      await writer.account(shard);
      count(shard);
    },
  };
  try {
    const trailer = await runner({ ...options, skipAccounts: done }, sink);
    if (!writer) throw new Error('the scan ended without starting the snapshot');
    const w: SnapshotFileWriter = writer;
    await w.finish(trailer);
    for (const o of trailer.operations) apiCalls += o.calls;
    failedReads += trailer.errors.length;
    return { trailer, accounts, regions: regions.size, apiCalls, failedReads, resumed, accountRegions, postureOnly };
  } catch (err) {
    const w = writer as SnapshotFileWriter | null;
    await w?.abort();
    throw err;
  }
}
