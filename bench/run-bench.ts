/**
 * Scan benchmark against a simulated AWS (issue 10): a moto Organization behind bench/aws-proxy.ts, which
 * adds AWS-like latency (60 ms) and throttles a share of requests with each protocol's real error. moto's
 * answers are recorded once, then every measured run is REPLAYED by the proxy (a separate process), so the
 * figures are the scanner's own: wall time, calls per account-region, requests in flight, CPU per call and
 * peak RSS, at 0% and 5% throttling and several concurrency settings; then a model for 1,000 accounts x 17
 * regions. Writes the "## Scan" section of docs/benchmarks.md (other sections are kept).
 *
 *   npm run bench                       (6 accounts x 6 regions: moto records slowly)
 *   BENCH_MEMBERS=20 BENCH_REGIONS=6 npm run bench
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Snapshot } from '../src/core/snapshot.js';
import { MOTO_MAX_ATTEMPTS, scanMotoOrganization, startSeededMoto } from './moto-org.js';
import { COMMERCIAL_REGIONS, proxyCall, startProxy, type ProxyStats } from './simulated-aws.js';
import { threadDistributor } from '../src/collect/workers/thread-pool.js';
import { MOTO_CREDENTIALS } from '../test/helpers/moto-server.js';
import { MEMBER_ROLE_NAME } from '../test/e2e/seed-organization.js';

// The SDK warns that its 2027 releases need Node 22; our lockfile pins releases that support Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCHMARKS_MD = join(REPO_ROOT, 'docs/benchmarks.md');
/** Accounts: 1 management + good + bad + extra members. */
const ACCOUNTS = Math.max(3, Number(process.env.BENCH_MEMBERS ?? 6));
// 6 by default: recording through moto costs about 0.1 s per request on a busy 2-core machine; 17 is the real count.
const REGIONS = COMMERCIAL_REGIONS.slice(0, Math.min(17, Math.max(2, Number(process.env.BENCH_REGIONS ?? 6))));
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 60);
/** Attempts per request in the measured runs: enough to ride out 5% throttling. */
const MAX_ATTEMPTS = 8;

interface Setting {
  readonly label: string;
  readonly concurrency: number;
  readonly perAccountConcurrency: number;
  readonly throttleRate: number;
  /** Worker threads the accounts are spread over (`ftr scan --workers`); absent: one thread. */
  readonly workers?: number;
}

const SETTINGS: readonly Setting[] = [
  { label: 'old default (8 in flight)', concurrency: 8, perAccountConcurrency: 8, throttleRate: 0 },
  { label: 'new default', concurrency: 64, perAccountConcurrency: 8, throttleRate: 0 },
  { label: '128 in flight', concurrency: 128, perAccountConcurrency: 16, throttleRate: 0 },
  { label: 'old default (8 in flight)', concurrency: 8, perAccountConcurrency: 8, throttleRate: 0.05 },
  { label: 'new default', concurrency: 64, perAccountConcurrency: 8, throttleRate: 0.05 },
  { label: 'no per-account cap', concurrency: 64, perAccountConcurrency: 64, throttleRate: 0.05 },
  // 1 vs 2 worker threads (docs/decisions/0011): the same caps split over two threads, each on its own core.
  { label: '128 in flight, 2 worker threads', concurrency: 128, perAccountConcurrency: 16, throttleRate: 0, workers: 2 },
  { label: 'new default, 2 worker threads', concurrency: 64, perAccountConcurrency: 8, throttleRate: 0, workers: 2 },
];

interface RunFigures {
  readonly setting: Setting;
  readonly wallMs: number;
  readonly accounts: number;
  readonly accountRegions: number;
  readonly requests: number;
  readonly attempts: number;
  readonly retries: number;
  readonly throttles: number;
  readonly failedReads: number;
  readonly cpuMsPerCall: number;
  readonly peakRssMb: number;
  readonly proxy: ProxyStats;
  readonly sameDataAsFirstRun: boolean;
  readonly complete: boolean;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function withMemorySampling<T>(fn: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  try {
    const result = await fn();
    return { result, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

/** The collected data without times: equal hashes mean two runs read the same answers. */
function dataHash(snapshot: Snapshot): string {
  return createHash('sha256').update(JSON.stringify(snapshot.accounts)).digest('hex');
}



async function measure(endpoint: string, setting: Setting, firstHash: { value: string | null }): Promise<RunFigures> {
  // ownedSnapshotsOnly: DescribeSnapshots OwnerIds=self as AWS answers it, not moto's public snapshots (aws-proxy.ts).
  await proxyCall(endpoint, 'config', { mode: 'replay', latencyMs: LATENCY_MS, throttleRate: setting.throttleRate, seed: 7, ownedSnapshotsOnly: true });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { result: snapshot, peakRss } = await withMemorySampling(() =>
    scanMotoOrganization(endpoint, {
      regions: REGIONS,
      concurrency: setting.concurrency,
      perAccountConcurrency: setting.perAccountConcurrency,
      maxAttempts: MAX_ATTEMPTS,
      // process.cpuUsage and RSS cover every thread of the process, so the columns stay comparable.
      ...(setting.workers && setting.workers > 1
        ? { distribute: threadDistributor({ threads: setting.workers, scan: { org: true, roleName: MEMBER_ROLE_NAME, regions: REGIONS, endpoint, credentials: { ...MOTO_CREDENTIALS } } }) }
        : {}),
    }),
  );
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const proxy = await proxyCall<ProxyStats>(endpoint, 'stats');
  const stats = snapshot.stats;
  const attempts = stats?.attempts ?? 0;
  return {
    setting,
    wallMs,
    accounts: snapshot.accounts.length,
    accountRegions: snapshot.accounts.reduce((n, a) => n + a.regional.length, 0),
    requests: stats?.requests ?? 0,
    attempts,
    retries: stats?.retries ?? 0,
    throttles: stats?.throttles ?? 0,
    failedReads: snapshot.errors.length,
    cpuMsPerCall: attempts > 0 ? (cpu.user + cpu.system) / 1000 / attempts : 0,
    peakRssMb: mb(peakRss),
    proxy,
    sameDataAsFirstRun: (firstHash.value ??= dataHash(snapshot)) === dataHash(snapshot),
    complete: snapshot.complete,
  };
}

function row(r: RunFigures): string {
  const s = r.setting;
  return (
    `| ${(s.throttleRate * 100).toFixed(0)}% | ${s.label}: ${s.concurrency} / ${s.perAccountConcurrency}${s.workers ? ` --workers ${s.workers}` : ''} | ${(r.wallMs / 1000).toFixed(1)} s | ` +
    `${(r.requests / Math.max(1, r.accountRegions)).toFixed(1)} | ${r.attempts} | ${r.retries} (${r.throttles} throttled) | ${r.proxy.maxInFlight} / ${r.proxy.maxInFlightPerKey} | ` +
    `${r.cpuMsPerCall.toFixed(2)} ms | ${r.peakRssMb} MB | ${r.failedReads} | ${r.sameDataAsFirstRun ? 'yes' : 'no'} |`
  );
}

/** 1,000 accounts x 17 regions from the measured per-account calls, latency and CPU per call. */
function model(base: RunFigures, throttled: RunFigures | undefined): string[] {
  const callsPerAccount = base.attempts / base.accounts;
  const regionsMeasured = base.accountRegions / base.accounts;
  // Calls per account scale with regions: the global part is small next to 17 regions' regional part.
  const callsPer1000x17 = Math.round((callsPerAccount / regionsMeasured) * 17 * 1000);
  const latencyBoundS = (callsPer1000x17 * (LATENCY_MS / 1000)) / base.setting.concurrency;
  const cpuBoundS = (callsPer1000x17 * base.cpuMsPerCall) / 1000;
  const modelS = Math.max(latencyBoundS, cpuBoundS);
  const slowdown = throttled ? throttled.wallMs / base.wallMs : null;
  return [
    `Model for 1,000 accounts x 17 regions (one process): inputs measured above at ${base.setting.concurrency} in flight and 0% throttling: ` +
      `${(callsPerAccount / regionsMeasured).toFixed(1)} attempts per account-region (global reads included), ${base.cpuMsPerCall.toFixed(2)} ms of scanner CPU per attempt, ` +
      `${LATENCY_MS} ms per answer. Calls: ${callsPer1000x17.toLocaleString('en-US')}. Latency bound: calls x ${LATENCY_MS} ms / ${base.setting.concurrency} in flight = ` +
      `${(latencyBoundS / 60).toFixed(1)} min; CPU bound (one core runs the scanner's JavaScript): calls x CPU per call = ${(cpuBoundS / 60).toFixed(1)} min; ` +
      `the scan takes the larger, **${(modelS / 60).toFixed(1)} min**` +
      (slowdown !== null ? `, and about ${((modelS * slowdown) / 60).toFixed(1)} min at 5% throttling (the measured ${slowdown.toFixed(2)}x).` : '.'),
  ];
}

function renderSection(runs: readonly RunFigures[], meta: { seedMs: number; recordMs: number; recorded: number }): string {
  const base = runs.find((r) => r.setting.concurrency === 64 && r.setting.throttleRate === 0 && !r.setting.workers) ?? runs[0];
  const throttled = runs.find((r) => r.setting.concurrency === 64 && r.setting.perAccountConcurrency === 8 && r.setting.throttleRate > 0 && !r.setting.workers);
  const oneThread = runs.find((r) => r.setting.concurrency === 128 && r.setting.throttleRate === 0 && !r.setting.workers);
  const twoThreads = runs.find((r) => r.setting.concurrency === 128 && r.setting.throttleRate === 0 && r.setting.workers === 2);
  return [
    '## Scan',
    '',
    `Measured with \`npm run bench\` (bench/run-bench.ts) on ${new Date().toISOString().slice(0, 10)}: a moto Organization of ${runs[0]?.accounts ?? ACCOUNTS} accounts ` +
      `(one well and one badly configured member, the rest alternating) scanned with \`--org\` in ${REGIONS.length} regions (resources in us-east-1 and ` +
      'eu-west-1, the others empty, as most regions of a real Organization are), every collector, in-process by `runScan`. moto sits behind ' +
      `bench/aws-proxy.ts, a simulated AWS: every answer takes ${LATENCY_MS} ms, and a share of requests get the throttling error of their protocol ` +
      '(EC2 `RequestLimitExceeded`, S3 `SlowDown`, query `Throttling`, JSON `ThrottlingException`). moto\'s answers were recorded once ' +
      `(${meta.recorded} requests, ${(meta.recordMs / 1000).toFixed(0)} s; seeding took ${(meta.seedMs / 1000).toFixed(0)} s) and every run below is replayed by the proxy, ` +
      'in its own process, so the CPU and memory are the scanner\'s alone. ' +
      `Machine: ${cpus().length} CPUs, ${mb(totalmem())} MB RAM, Node ${process.version}, other jobs running. Max attempts ${MAX_ATTEMPTS}.`,
    '',
    '| throttled | setting: --concurrency / --per-account-concurrency | wall time | API calls per account-region | attempts | retries | max in flight: all / one account | scanner CPU per attempt | peak RSS | failed reads | same data as the first run |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...runs.map(row),
    '',
    'API calls are requests (each page counts) before retries; attempts include retries (`snapshot.stats`, counted by SDK middleware). ' +
      'Max in flight is seen by the proxy (one account = one access key). Failed reads are moto\'s unimplemented APIs (HTTP 500, also in the recording) ' +
      'plus any read still throttled after its retries; "same data" compares the collected accounts (every slice, error and ' +
      'Observed value) with the first replayed run. moto\'s HTTP 500 for an API it lacks is replayed as 501 (not retried; the scanner records ' +
      'both as `unsupported`), so its retries do not pad the figures. Requests whose body holds the time (CloudWatch, Cost Explorer periods) ' +
      'are replayed by operation. ' +
      'Peak RSS is sampled every 50 ms and includes every SDK client loaded so far.',
    '',
    ...(base ? model(base, throttled) : []),
    '',
    ...(oneThread && twoThreads
      ? [
          `1 vs 2 worker threads at 128 in flight: ${(oneThread.wallMs / 1000).toFixed(1)} s vs ${(twoThreads.wallMs / 1000).toFixed(1)} s ` +
            `(${(oneThread.wallMs / twoThreads.wallMs).toFixed(2)}x), scanner CPU per attempt ${oneThread.cpuMsPerCall.toFixed(2)} vs ${twoThreads.cpuMsPerCall.toFixed(2)} ms ` +
            `(all threads), peak RSS ${oneThread.peakRssMb} vs ${twoThreads.peakRssMb} MB. With two cores the CPU bound of the model halves when the ` +
            'machine is otherwise idle; on a loaded machine the second thread competes with the other jobs.',
          '',
        ]
      : []),
  ].join('\n');
}

/** Replaces the "## Scan" section of docs/benchmarks.md (or appends it), keeping every other section. */
function mergeScanSection(existing: string | null, section: string): string {
  if (!existing || existing.trim() === '') return `# Benchmarks\n\n${section}`;
  const lines = existing.split('\n');
  const start = lines.findIndex((l) => /^## Scan\s*$/.test(l));
  if (start === -1) return `${existing.replace(/\n*$/, '\n\n')}${section}`;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end === -1) end = lines.length;
  return [...lines.slice(0, start), ...section.replace(/\n$/, '').split('\n'), ...(end < lines.length ? ['', ...lines.slice(end)] : [''])].join('\n');
}

async function main(): Promise<void> {
  const seedStart = performance.now();
  process.stdout.write(`Seeding a moto Organization of ${ACCOUNTS} accounts...\n`);
  const { moto } = await startSeededMoto(ACCOUNTS - 3);
  const seedMs = performance.now() - seedStart;
  const proxy = await startProxy(['--upstream', moto.endpoint]);
  try {
    process.stdout.write(`Recording moto's answers (${ACCOUNTS} accounts x ${REGIONS.length} regions, no added latency)...\n`);
    await proxyCall(proxy.endpoint, 'config', { mode: 'record', latencyMs: 0, throttleRate: 0 });
    const r0 = performance.now();
    const recorded = await scanMotoOrganization(proxy.endpoint, { regions: REGIONS, maxAttempts: MOTO_MAX_ATTEMPTS });
    const recordMs = performance.now() - r0;
    const recordStats = await proxyCall<ProxyStats>(proxy.endpoint, 'stats');
    process.stdout.write(`  ${recordStats.requests} requests in ${(recordMs / 1000).toFixed(0)} s\n`);
    // moto is not needed any more: the runs below are replayed.
    await moto.stop();
    if (!recorded.complete) throw new Error('the recording scan did not complete');
    const firstHash: { value: string | null } = { value: null };

    const runs: RunFigures[] = [];
    for (const setting of SETTINGS.slice(0, Number(process.env.BENCH_RUNS ?? SETTINGS.length))) {
      process.stdout.write(`Replay at ${LATENCY_MS} ms, ${setting.throttleRate * 100}% throttled, concurrency ${setting.concurrency} / ${setting.perAccountConcurrency}...\n`);
      const run = await measure(proxy.endpoint, setting, firstHash);
      runs.push(run);
      process.stdout.write(`  ${row(run)}  misses ${run.proxy.replayMisses}\n`);
    }
    const section = renderSection(runs, { seedMs, recordMs, recorded: recordStats.requests });
    let existing: string | null = null;
    try {
      existing = await readFile(BENCHMARKS_MD, 'utf8');
    } catch {
      existing = null;
    }
    await writeFile(BENCHMARKS_MD, mergeScanSection(existing, section));
    process.stdout.write(`Wrote the "Scan" section of ${BENCHMARKS_MD}\n`);
  } finally {
    proxy.child.kill('SIGTERM');
    await moto.stop().catch(() => undefined);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
