/**
 * Scan benchmark: seeds a moto Organization (10+ accounts x 2 regions), scans it with the CLI's default
 * concurrency and with concurrency 1, and prints wall time, API calls per account-region and peak memory.
 * Writes the figures into docs/benchmarks.md under "## Scan" (other sections of the file are kept).
 *
 *   npm run bench            (tsx bench/run-bench.ts)
 *   BENCH_MEMBERS=20 npm run bench
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Snapshot } from '../src/core/snapshot.js';
import { CLI_DEFAULT_CONCURRENCY, MOTO_MAX_ATTEMPTS, scanMotoOrganization, startSeededMoto } from './moto-org.js';

const BENCHMARKS_MD = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
/** Members beyond the good and the bad one: 1 management + 2 + 7 = 10 accounts by default. */
const EXTRA_MEMBERS = Math.max(0, Number(process.env.BENCH_MEMBERS ?? 10) - 3);

interface RunFigures {
  readonly concurrency: number;
  readonly wallMs: number;
  readonly accounts: number;
  readonly accountRegions: number;
  readonly apiCalls: number;
  readonly callsPerAccountRegion: number;
  readonly failedReads: number;
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
  readonly complete: boolean;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Samples rss and heapUsed while `fn` runs; returns the peaks. */
async function withMemorySampling<T>(fn: () => Promise<T>): Promise<{ result: T; peakRss: number; peakHeap: number }> {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 50);
  try {
    const result = await fn();
    const m = process.memoryUsage();
    return { result, peakRss: Math.max(peakRss, m.rss), peakHeap: Math.max(peakHeap, m.heapUsed) };
  } finally {
    clearInterval(timer);
  }
}

function figures(snapshot: Snapshot, concurrency: number, wallMs: number, peakRss: number, peakHeap: number): RunFigures {
  const accountRegions = snapshot.accounts.reduce((n, a) => n + a.regional.length, 0);
  const apiCalls = snapshot.operations.reduce((n, o) => n + o.calls, 0);
  return {
    concurrency,
    wallMs,
    accounts: snapshot.accounts.length,
    accountRegions,
    apiCalls,
    callsPerAccountRegion: accountRegions > 0 ? Math.round((apiCalls / accountRegions) * 10) / 10 : 0,
    failedReads: snapshot.errors.length,
    peakRssMb: mb(peakRss),
    peakHeapMb: mb(peakHeap),
    complete: snapshot.complete,
  };
}

function renderSection(
  runs: readonly RunFigures[],
  seeded: { accounts: number; regions: number; seedMs: number; cold: RunFigures },
): string {
  const [fast, slow] = runs;
  const ratio = fast && slow && fast.wallMs > 0 ? (slow.wallMs / fast.wallMs).toFixed(1) : 'n/a';
  const rows = runs.map(
    (r) =>
      `| ${r.concurrency} | ${(r.wallMs / 1000).toFixed(1)} s | ${r.accounts} x ${r.accountRegions / Math.max(1, r.accounts)} | ${r.apiCalls} | ${r.callsPerAccountRegion} | ${r.failedReads} | ${r.peakRssMb} MB | ${r.peakHeapMb} MB | ${r.complete ? 'yes' : 'no'} |`,
  );
  return [
    '## Scan',
    '',
    `Measured with \`npm run bench\` (bench/run-bench.ts) on ${new Date().toISOString().slice(0, 10)}: a moto ${process.env.MOTO_VERSION ?? '5.2.1'} Organization of ` +
      `${seeded.accounts} accounts x ${seeded.regions} regions (one well and one badly configured member, the rest alternating), ` +
      `scanned in-process by \`runScan\` (all collectors, \`--org\`), SDK max attempts ${MOTO_MAX_ATTEMPTS} ` +
      '(moto answers unimplemented APIs with HTTP 500, which the SDK would otherwise retry with backoff). ' +
      `Machine: ${cpus().length} CPUs, ${mb(totalmem())} MB RAM, Node ${process.version}; moto runs on the same machine, so these ` +
      'figures measure the scanner plus a single-threaded emulator, not AWS latency.',
    '',
    '| concurrency | wall time | accounts x regions | API calls | API calls per account-region | failed reads | peak RSS | peak heap | complete |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Concurrency ${CLI_DEFAULT_CONCURRENCY} (the CLI default) vs 1: ${ratio}x faster (wall time at 1 / wall time at ${CLI_DEFAULT_CONCURRENCY}), ` +
      `both on a warm emulator. A first, cold scan (moto building every account's IAM and EC2 backends on first use) took ` +
      `${(seeded.cold.wallMs / 1000).toFixed(1)} s at concurrency ${CLI_DEFAULT_CONCURRENCY}; it is not in the table. ` +
      `Seeding the Organization took ${(seeded.seedMs / 1000).toFixed(1)} s (not included). ` +
      'API calls are counted by the scanner itself (`snapshot.operations[].calls`: one per request, each page of a pagination counts). ' +
      'Peak memory is sampled every 50 ms during each run (`process.memoryUsage()`); RSS includes the SDK clients loaded by the first run.',
    '',
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
  process.stdout.write(`Seeding a moto Organization of ${String(EXTRA_MEMBERS + 3)} accounts x 2 regions...\n`);
  const { moto, org } = await startSeededMoto(EXTRA_MEMBERS);
  const seedMs = performance.now() - seedStart;
  try {
    // moto builds each account's and region's backends lazily on first use (IAM loads ~1,000 managed policies,
    // EC2 its AMI catalogue), so the first scan mostly measures the emulator warming up. Run it once, report it
    // as "cold", then measure both concurrencies on a warm emulator.
    process.stdout.write(`Warm-up scan (cold emulator) with concurrency ${String(CLI_DEFAULT_CONCURRENCY)}...\n`);
    const c0 = performance.now();
    const warm = await withMemorySampling(() => scanMotoOrganization(moto, { concurrency: CLI_DEFAULT_CONCURRENCY }));
    const cold = figures(warm.result, CLI_DEFAULT_CONCURRENCY, performance.now() - c0, warm.peakRss, warm.peakHeap);
    process.stdout.write(`  wall ${(cold.wallMs / 1000).toFixed(1)} s, ${String(cold.apiCalls)} API calls\n`);

    const runs: RunFigures[] = [];
    for (const concurrency of [CLI_DEFAULT_CONCURRENCY, 1]) {
      process.stdout.write(`Scanning with concurrency ${String(concurrency)}...\n`);
      const t0 = performance.now();
      const { result, peakRss, peakHeap } = await withMemorySampling(() => scanMotoOrganization(moto, { concurrency }));
      const run = figures(result, concurrency, performance.now() - t0, peakRss, peakHeap);
      runs.push(run);
      process.stdout.write(
        `  wall ${(run.wallMs / 1000).toFixed(1)} s, ${String(run.apiCalls)} API calls (${String(run.callsPerAccountRegion)} per account-region), ` +
          `${String(run.failedReads)} failed reads, peak RSS ${String(run.peakRssMb)} MB, peak heap ${String(run.peakHeapMb)} MB, complete=${String(run.complete)}\n`,
      );
    }
    const [fast, slow] = runs;
    if (fast && slow) process.stdout.write(`Concurrency ${String(fast.concurrency)} vs 1: ${(slow.wallMs / fast.wallMs).toFixed(1)}x\n`);
    process.stdout.write(`Process maxRSS: ${String(Math.round(process.resourceUsage().maxRSS / 1024))} MB\n`);

    const section = renderSection(runs, { accounts: org.accountIds.length, regions: org.regions.length, seedMs, cold });
    let existing: string | null = null;
    try {
      existing = await readFile(BENCHMARKS_MD, 'utf8');
    } catch {
      existing = null;
    }
    await writeFile(BENCHMARKS_MD, mergeScanSection(existing, section));
    process.stdout.write(`Wrote the "Scan" section of ${BENCHMARKS_MD}\n`);
  } finally {
    await moto.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
