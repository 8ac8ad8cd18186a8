/**
 * The thread pool with stand-in threads (a few lines of JavaScript speaking the protocol of
 * thread-protocol.ts), so the coordinator's side is tested without AWS or the collection stack.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { AccountShard } from '../../core/snapshot.js';
import type { DistributionPlan } from '../run-collection.js';
import { threadDistributor } from './thread-pool.js';
import type { ScanThreadData } from './thread-protocol.js';

/**
 * A stand-in scan thread: takes accounts until none is left, posts a shard for each, then its trailer.
 * `crash`: a JavaScript condition on `target` (the account taken) and `workerData.part`; when true the
 * thread exits with code 3 in the middle of that account.
 */
const FAKE_THREAD = (behaviour: 'normal' | 'wait-for-abort', crash = 'false') => `
const { parentPort, workerData } = require('node:worker_threads');
let request = 0;
const waiting = new Map();
let aborted = null;
parentPort.on('message', (m) => {
  if (m.type === 'abort') { aborted = m.reason; for (const r of waiting.values()) r(null); waiting.clear(); return; }
  const r = waiting.get(m.request); waiting.delete(m.request); if (r) r(m.target ?? null);
});
const ask = (make) => new Promise((resolve) => { const id = request++; waiting.set(id, resolve); parentPort.postMessage(make(id)); });
const shard = (id, complete) => ({ complete, account: { accountId: id, name: null, access: { ok: true, value: { via: 'caller', roleArn: null } }, regions: { ok: true, value: [] }, homeRegion: 'us-east-1', global: {}, regional: [] }, errors: [], operations: [] });
(async () => {
  let done = 0;
  for (;;) {
    const target = await ask((id) => ({ type: 'next', request: id }));
    if (!target) break;
    if (${crash}) process.exit(3);
    if (${JSON.stringify(behaviour)} === 'wait-for-abort') {
      parentPort.postMessage({ type: 'progress', progress: { accountsReady: 1, accountsDone: 0, tasksTotal: 5, tasksDone: 1, apiCalls: 3, retries: 0, throttles: 0, errors: 0, requestsInFlight: 2 } });
      await new Promise((resolve) => { const t = setInterval(() => { if (aborted) { clearInterval(t); resolve(); } }, 5); });
    }
    await ask((id) => ({ type: 'shard', request: id, shard: shard(target.id, !aborted) }));
    done += 1;
  }
  parentPort.postMessage({ type: 'done', trailer: { finishedAt: new Date().toISOString(), complete: !aborted, interruption: null, errors: [], operations: [],
    stats: { requests: done, attempts: done, retries: 0, throttles: 0, retriesRefusedByBudget: 0, maxRequestsInFlight: 1, concurrency: 1, perAccountConcurrency: 1, maxAttempts: 1 } } });
})();
`;

function plan(ids: readonly string[], abort = new AbortController()) {
  const written: AccountShard[] = [];
  const stops: string[] = [];
  const failed = new Map<string, string>();
  const deltas: number[] = [];
  let writing = 0;
  const p: DistributionPlan = {
    startedAt: '2026-01-01T00:00:00.000Z',
    identity: { arn: 'arn:aws:iam::111111111111:root', accountId: '111111111111', partition: 'aws' },
    organization: { managementAccountId: '111111111111', scannedAccountIds: [...ids] },
    targets: ids.map((id) => ({ id, name: null })),
    concurrency: 8,
    perAccountConcurrency: 4,
    maxAttempts: 3,
    signal: abort.signal,
    stop: (reason) => {
      stops.push(reason);
      abort.abort(reason);
    },
    shard: async (s) => {
      // One writer: no two shards are ever written at the same time.
      writing += 1;
      expect(writing).toBe(1);
      await new Promise((r) => setTimeout(r, 2));
      written.push(s);
      writing -= 1;
    },
    failed: (id, reason) => {
      expect(failed.has(id)).toBe(false);
      failed.set(id, reason);
    },
    progress: (delta) => deltas.push(delta.apiCalls ?? 0),
  };
  return { plan: p, written, stops, failed, deltas, abort };
}

const ids = Array.from({ length: 7 }, (_, i) => String(200000000000 + i));
const fake = (behaviour: Parameters<typeof FAKE_THREAD>[0], crash?: string) => (data: ScanThreadData) => new Worker(FAKE_THREAD(behaviour, crash), { eval: true, workerData: data });
const writtenIds = (t: ReturnType<typeof plan>) => t.written.map((s) => s.account.accountId).sort();

describe('threadDistributor', () => {
  it('runs in this thread for one account or one thread', () => {
    expect(threadDistributor({ threads: 2, scan: { org: true, roleName: 'r' } }).wants([{ id: '1', name: null }])).toBe(false);
    expect(threadDistributor({ threads: 1, scan: { org: true, roleName: 'r' } }).wants(plan(ids).plan.targets)).toBe(false);
    expect(threadDistributor({ threads: 2, scan: { org: true, roleName: 'r', credentials: () => Promise.resolve({ accessKeyId: 'a', secretAccessKey: 'b' }) } }).wants(plan(ids).plan.targets)).toBe(false);
    expect(threadDistributor({ threads: 2, scan: { org: true, roleName: 'r' } }).wants(plan(ids).plan.targets)).toBe(true);
  });

  it('writes one shard per account through one writer and sums the threads', async () => {
    const t = plan(ids);
    const result = await threadDistributor({ threads: 3, scan: { org: true, roleName: 'r' }, start: fake('normal') }).run(t.plan);
    expect(t.written.map((s) => s.account.accountId).sort()).toEqual(ids);
    expect(t.written.every((s) => s.complete)).toBe(true);
    expect(result.parts).toBe(3);
    expect(result.stats.requests).toBe(ids.length);
    expect(t.stops).toEqual([]);
  });

  it('a thread that dies hands its account to the others: every account is collected once, the scan goes on', async () => {
    const t = plan(ids);
    const result = await threadDistributor({ threads: 2, scan: { org: true, roleName: 'r' }, start: fake('normal', 'workerData.part === 0') }).run(t.plan);
    expect(writtenIds(t)).toEqual(ids);
    expect(t.written.every((s) => s.complete)).toBe(true);
    expect(t.stops).toEqual([]);
    expect(t.failed.size).toBe(0);
    // The dead thread's trailer is lost: only the survivor's calls are counted.
    expect(result.stats.requests).toBe(ids.length);
  });

  it('an account that kills a second thread is recorded as not collected, with the reason; the others are collected', async () => {
    const t = plan(ids);
    const deadly = JSON.stringify(ids[2]);
    await threadDistributor({ threads: 3, scan: { org: true, roleName: 'r' }, start: fake('normal', `target.id === ${deadly}`) }).run(t.plan);
    expect([...t.failed.keys()]).toEqual([ids[2]]);
    expect(t.failed.get(ids[2] ?? '')).toMatch(/two scan threads died while collecting it \(the last: it exited with code 3\)/);
    expect(writtenIds(t)).toEqual(ids.filter((id) => id !== ids[2]));
    expect(t.stops).toEqual([]);
  });

  it('when every thread died, the accounts left are recorded as not collected (no shard here: the coordinator writes them incomplete)', async () => {
    const t = plan(ids);
    await threadDistributor({ threads: 2, scan: { org: true, roleName: 'r' }, start: fake('normal', 'true') }).run(t.plan);
    expect(t.written).toEqual([]);
    expect([...t.failed.keys()].sort()).toEqual(ids);
    expect([...t.failed.values()].some((r) => /no scan thread was left/.test(r))).toBe(true);
    expect(t.stops).toEqual([]);
  });

  it('relays an abort to every thread: their accounts in progress come back incomplete and nothing more is handed out', async () => {
    const t = plan(ids);
    const running = threadDistributor({ threads: 2, scan: { org: true, roleName: 'r' }, start: fake('wait-for-abort') }).run(t.plan);
    await expect.poll(() => t.deltas.length).toBe(2);
    t.abort.abort('interrupted by the user (Ctrl-C)');
    await running;
    expect(t.written).toHaveLength(2);
    expect(t.written.every((s) => !s.complete)).toBe(true);
  });
});

describe('startCompiledThread', () => {
  /** A thread that says which node flags it got. */
  const ECHO_THREAD = "import { parentPort } from 'node:worker_threads'; parentPort.postMessage(process.execArgv);";

  /**
   * Runs startCompiledThread in a node started with `nodeFlags` (a child process: a flag's effect on workers
   * depends on the flags this process was started with) and returns the flags its thread reports.
   */
  async function threadFlagsUnder(nodeFlags: readonly string[]): Promise<string[]> {
    const dir = await mkdtemp(join(tmpdir(), 'ftr-thread-flags-'));
    try {
      const thread = join(dir, 'echo-thread.mjs');
      await writeFile(thread, ECHO_THREAD);
      const driver = join(dir, 'driver.mjs');
      const pool = new URL('./thread-pool.ts', import.meta.url).href;
      await writeFile(
        driver,
        `
        const { Worker } = await import('node:worker_threads');
        const { startCompiledThread } = await import(${JSON.stringify(pool)});
        const w = startCompiledThread(Worker, new URL(${JSON.stringify(pathToFileURL(thread).href)}), {});
        w.once('message', (flags) => { process.stdout.write(JSON.stringify(flags)); void w.terminate(); });`,
      );
      const tsx = new URL('../../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
      const { stdout } = await promisify(execFile)(process.execPath, [...nodeFlags, '--import', tsx, driver]);
      return JSON.parse(stdout) as string[];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('starts the thread without module-syntax detection', async () => {
    expect(await threadFlagsUnder([])).toContain('--no-experimental-detect-module');
  });

  it('still starts it when node was given a flag a worker refuses (--max-semi-space-size), without its own flag', async () => {
    const flags = await threadFlagsUnder(['--max-semi-space-size=16']);
    expect(flags).not.toContain('--no-experimental-detect-module');
  });
});
