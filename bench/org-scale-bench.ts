/**
 * Organization-scale scan benchmark (issue 10, "done when"): `ftr scan --org` of a synthetic Organization of
 * 100 or 1,000 accounts x 17 regions against a simulated AWS at 60 ms per answer, on this machine.
 *
 * moto cannot hold 1,000 accounts, and its CPU would be measured with the scanner's: the answers of a small
 * moto Organization (the e2e seed: management, a well and a badly configured member; resources in two
 * regions, the other 15 empty) are recorded once through bench/aws-proxy.ts, then the proxy REPLAYS them as
 * an Organization of N accounts (`syntheticMembers`: each synthetic member is played by a recorded one) in
 * its own process. The scan is the built CLI (`dist/`), a child process, as a user runs it: collection,
 * evaluation and the assessment. Per run: wall time, collection time (snapshot start to finish), CPU
 * (user + sys, every thread), peak RSS, requests per account-region, retries, throttles, requests in flight.
 *
 *   npx tsx bench/org-scale-bench.ts
 *   BENCH_SCALE_ACCOUNTS=100,1000 BENCH_THROTTLE=0,0.05 BENCH_LATENCY_MS=60
 *   BENCH_SCAN_VARIANTS="--workers 1;--workers 2"   (extra `ftr scan` arguments per run, ';'-separated)
 *   BENCH_RECORDING=/tmp/ftr-org-recording.json     (reused when it exists: recording takes minutes)
 *   BENCH_CONFIG_EVERYWHERE=0,1                      (1: every region governed by AWS Config, e.g. Control Tower: the
 *                                                     empty regions get a recorder of every type and a count of 0,
 *                                                     and the scan runs without --regions, so the region signal
 *                                                     decides; default 0: --regions names all 17, read fully)
 *   BENCH_CPU_PROF=/tmp/ftr-prof                     (V8 CPU profiles of every thread of each scan, one folder per
 *                                                     run; `npx tsx bench/cpu-profile-breakdown.ts DIR` sums them up)
 *   BENCH_NO_BUILD=1                                 (use the dist/ already built)
 *   BENCH_CLI=/path/to/cli/index.js                  (another build of the CLI, e.g. a copy of dist/ before a change)
 *   BENCH_NODE_ARGS="--max-semi-space-size=32"      (node flags for the scan)
 *   BENCH_NO_DOCS=1                                  (print the rows, leave docs/benchmarks.md as it is)
 *   BENCH_MOTO_PUBLIC_SNAPSHOTS=0,1                  (1: replay moto's DescribeSnapshots as recorded: its ~1,150 public
 *                                                     snapshots per region, 94% of the answer bytes, although the
 *                                                     scanner asks OwnerIds=self; default: only owned ones, as AWS)
 *   BENCH_KEEP_OUT=1                                 (keep each scan's output folder; `npx tsx bench/operation-costs.ts
 *                                                     <snapshot.json.gz>` counts its requests per operation)
 * Writes the "## Scan at Organization scale" section of docs/benchmarks.md (other sections are kept).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openSnapshot } from '../src/io/snapshot-file.js';
import { MEMBER_ROLE_NAME, SEED_REGIONS } from '../test/e2e/seed-organization.js';
import { motoEnv } from '../test/helpers/moto-server.js';
import { MOTO_MAX_ATTEMPTS, scanMotoOrganization, startSeededMoto } from './moto-org.js';
import { COMMERCIAL_REGIONS, proxyCall, startProxy, type ProxyStats } from './simulated-aws.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCHMARKS_MD = join(REPO_ROOT, 'docs/benchmarks.md');
const SECTION = '## Scan at Organization scale';
const REGIONS = [...COMMERCIAL_REGIONS];
const SIZES = (process.env.BENCH_SCALE_ACCOUNTS ?? '100').split(',').map(Number);
const THROTTLES = (process.env.BENCH_THROTTLE ?? '0').split(',').map(Number);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 60);
const VARIANTS = (process.env.BENCH_SCAN_VARIANTS ?? '').split(';').map((v) => v.trim());
const CONFIG_EVERYWHERE = (process.env.BENCH_CONFIG_EVERYWHERE ?? '0').split(',').map((v) => v.trim() === '1');
/** The regions the e2e seed leaves empty: the ones AWS Config counts nothing in when it governs every region. */
const EMPTY_REGIONS = REGIONS.filter((r) => !(SEED_REGIONS as readonly string[]).includes(r));
const RECORDING = process.env.BENCH_RECORDING ?? join(tmpdir(), 'ftr-org-scale-recording.json');
const CPU_PROF = process.env.BENCH_CPU_PROF;
/**
 * Replay moto's DescribeSnapshots answers as recorded: ~1,150 public snapshots per region although the scanner
 * asks for its own (OwnerIds=self). Default: answered as AWS does, only the Organization's own snapshots.
 */
const MOTO_PUBLIC_SNAPSHOTS = (process.env.BENCH_MOTO_PUBLIC_SNAPSHOTS ?? '0').split(',').map((v) => v.trim() === '1');
/** Keep each scan's output folder (snapshot, assessment) to look at its operation outcomes. */
const KEEP_OUT = Boolean(process.env.BENCH_KEEP_OUT);
/** The CLI scanned with: the built dist/ by default; another build (e.g. a copy of an older dist/) to compare. */
/** Extra node flags for the scan (e.g. GC settings), space-separated. */
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
const CLI = process.env.BENCH_CLI ?? join(REPO_ROOT, 'dist/cli/index.js');
/** Written by the child at exit: CPU of every thread and the peak RSS of the process. */
const USAGE_PRELOAD = `data:text/javascript,${encodeURIComponent(
  "import{writeFileSync}from'node:fs';process.on('exit',()=>{const u=process.resourceUsage();writeFileSync(process.env.FTR_BENCH_USAGE,JSON.stringify({cpuMs:(u.userCPUTime+u.systemCPUTime)/1000,maxRssMb:Math.round(u.maxRSS/1024)}))});",
)}`;

interface Run {
  readonly accounts: number;
  readonly throttle: number;
  readonly variant: string;
  /** Every region governed by AWS Config (BENCH_CONFIG_EVERYWHERE): no --regions, the region signal decides. */
  readonly configEverywhere: boolean;
  /** DescribeSnapshots replayed as moto answered it (its public snapshots) instead of as AWS would (owned only). */
  readonly motoPublicSnapshots: boolean;
  readonly exitCode: number | null;
  readonly wallMs: number;
  readonly collectMs: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly accountRegions: number;
  /** Account-regions the region signal read posture-only. */
  readonly postureOnly: number;
  readonly requests: number;
  readonly attempts: number;
  readonly retries: number;
  readonly throttles: number;
  readonly proxy: ProxyStats;
  /** What the proxy answered, per `service Operation`. */
  readonly operations: Record<string, OperationCount>;
}

interface OperationCount {
  readonly requests: number;
  readonly bytes: number;
  readonly errors: number;
}

/** The operations with the most answer bytes (XML/JSON the scanner parses), per account. */
function topOperations(r: Run, n: number): string {
  const rows = Object.entries(r.operations).sort((a, b) => b[1].bytes - a[1].bytes).slice(0, n);
  const totalBytes = Object.values(r.operations).reduce((t, o) => t + o.bytes, 0);
  return [
    `    connections opened: ${r.proxy.connections ?? '?'}; answers: ${(totalBytes / r.accounts / 1024).toFixed(0)} KiB per account; top ${n} operations by bytes (per account: requests, KiB, errors):`,
    ...rows.map(([op, o]) => `      ${op.padEnd(60)} ${(o.requests / r.accounts).toFixed(1).padStart(7)} ${(o.bytes / r.accounts / 1024).toFixed(1).padStart(8)} ${(o.errors / r.accounts).toFixed(1).padStart(6)}`),
  ].join('\n');
}



/** Seeds moto, scans it through a recording proxy, saves the answers. */
async function record(): Promise<void> {
  process.stdout.write(`Recording a moto Organization (3 accounts x ${REGIONS.length} regions) into ${RECORDING}...\n`);
  const { moto } = await startSeededMoto(0);
  const proxy = await startProxy(['--upstream', moto.endpoint]);
  try {
    await proxyCall(proxy.endpoint, 'config', { mode: 'record', latencyMs: 0, throttleRate: 0 });
    const t0 = performance.now();
    const snapshot = await scanMotoOrganization(proxy.endpoint, { regions: REGIONS, maxAttempts: MOTO_MAX_ATTEMPTS });
    if (!snapshot.complete) throw new Error('the recording scan did not complete');
    const stats = await proxyCall<ProxyStats>(proxy.endpoint, 'stats');
    await proxyCall(proxy.endpoint, 'save', { file: RECORDING });
    process.stdout.write(`  ${stats.requests} requests in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  } finally {
    proxy.child.kill('SIGTERM');
    await moto.stop();
  }
}

async function scanOnce(endpoint: string, accounts: number, throttle: number, variant: string, configEverywhere: boolean, motoPublicSnapshots: boolean): Promise<Run> {
  await proxyCall(endpoint, 'config', {
    mode: 'replay',
    latencyMs: LATENCY_MS,
    throttleRate: throttle,
    seed: 7,
    syntheticMembers: accounts - 1,
    // Control Tower's model: the 17 default regions enabled, Config recording every type in each; the empty
    // ones count 0. Otherwise the recorded answers (moto: no recorder, 24 regions listed as enabled).
    enabledRegions: configEverywhere ? REGIONS : [],
    configEverywhere: configEverywhere ? EMPTY_REGIONS : [],
    // AWS answers DescribeSnapshots OwnerIds=self with the account's own snapshots; moto with its public ones.
    ownedSnapshotsOnly: !motoPublicSnapshots,
  });
  const out = await mkdtemp(join(tmpdir(), 'ftr-org-scale-'));
  const usageFile = join(out, 'usage.json');
  try {
    const profile = CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', join(CPU_PROF, `${accounts}x${REGIONS.length}-${throttle}-${variant.replace(/[^a-z0-9]+/gi, '_') || 'defaults'}`)] : [];
    const args = [...NODE_ARGS, ...profile, '--import', USAGE_PRELOAD, CLI, 'scan', '--org', '--role-name', MEMBER_ROLE_NAME, ...(configEverywhere ? [] : ['--regions', REGIONS.join(',')]), '--out', join(out, 'scan'), '--max-attempts', '8'];
    if (variant) args.push(...variant.split(/\s+/));
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { env: { ...motoEnv(endpoint), FTR_BENCH_USAGE: usageFile, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let lastLine = '';
    createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => {
      lastLine = line;
      if (/^Collect: /.test(line)) process.stdout.write(`    ${line}\n`);
    });
    const exitCode = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const wallMs = performance.now() - t0;
    if (exitCode !== 0 && exitCode !== 1) process.stdout.write(`    exit ${String(exitCode)}: ${lastLine}\n`);
    const usage = JSON.parse(await readFile(usageFile, 'utf8')) as { cpuMs: number; maxRssMb: number };
    const source = await openSnapshot(join(out, 'scan', 'snapshot.json.gz'));
    let accountRegions = 0;
    let postureOnly = 0;
    for await (const shard of source.shards()) {
      accountRegions += shard.account.regional.length;
      postureOnly += shard.account.regional.filter((r) => r.read?.mode === 'posture-only').length;
    }
    const stats = source.trailer.stats;
    return {
      accounts,
      throttle,
      variant,
      configEverywhere,
      motoPublicSnapshots,
      exitCode,
      wallMs,
      collectMs: Date.parse(source.trailer.finishedAt) - Date.parse(source.header.startedAt),
      cpuMs: usage.cpuMs,
      maxRssMb: usage.maxRssMb,
      accountRegions,
      postureOnly,
      requests: stats?.requests ?? 0,
      attempts: stats?.attempts ?? 0,
      retries: stats?.retries ?? 0,
      throttles: stats?.throttles ?? 0,
      proxy: await proxyCall<ProxyStats>(endpoint, 'stats'),
      operations: await proxyCall<Record<string, OperationCount>>(endpoint, 'operations'),
    };
  } finally {
    if (KEEP_OUT) process.stdout.write(`    output kept in ${out}\n`);
    else await rm(out, { recursive: true, force: true });
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function row(r: Run): string {
  return (
    `| ${r.accounts} x ${REGIONS.length} | ${r.throttle * 100}% | ${r.configEverywhere ? 'every region (Control Tower)' : 'none (--regions: all read fully)'} | ${r.motoPublicSnapshots ? "moto's public ones (~1,150 per region)" : 'owned only (as AWS)'} | ${r.variant || 'defaults'} | ${r.postureOnly} | ${s(r.collectMs)} | ${s(r.wallMs)} | ${s(r.cpuMs)} | ${r.proxy.cpuMs === undefined ? '?' : s(r.proxy.cpuMs)} | ` +
    `${(r.cpuMs / Math.max(1, r.attempts)).toFixed(2)} ms | ${r.maxRssMb} MB | ${(r.requests / Math.max(1, r.accountRegions)).toFixed(1)} | ${r.attempts} | ` +
    `${r.retries} (${r.throttles}) | ${r.proxy.maxInFlight} / ${r.proxy.maxInFlightPerKey} | ${r.proxy.replayMisses} | ${String(r.exitCode)} |`
  );
}

function section(runs: readonly Run[]): string {
  const [load1] = loadavg();
  return [
    SECTION,
    '',
    `Measured with \`npx tsx bench/org-scale-bench.ts\` on ${new Date().toISOString().slice(0, 10)}: \`ftr scan --org\` (the built CLI, ` +
      `collection + evaluation + assessment.json) of a synthetic Organization replayed by bench/aws-proxy.ts at ${LATENCY_MS} ms per answer ` +
      `(recorded once from the e2e moto Organization: resources in 2 of the ${REGIONS.length} regions, the rest empty; each synthetic member ` +
      `is played by a recorded member). Machine: ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 20)} MB RAM, Node ${process.version}, ` +
      `load average ${(load1 ?? 0).toFixed(1)} when the last run ended.`,
    '',
    '| accounts x regions | throttled | AWS Config recording every type | DescribeSnapshots OwnerIds=self answered with | `ftr scan` arguments | posture-only account-regions | collection | whole run | CPU (all threads) | CPU of the simulated AWS | CPU per attempt | peak RSS | requests per account-region | attempts | retries (throttled) | max in flight: all / one account | replay misses | exit |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...runs.map(row),
    '',
    'Replay misses are requests the recording has no answer for (answered 501, recorded by the scanner as unsupported); ' +
      'exit 0 is a complete scan (`--fail-on` not given), 4 an incomplete one.',
    '',
  ].join('\n');
}

async function writeSection(text: string): Promise<void> {
  const existing = existsSync(BENCHMARKS_MD) ? await readFile(BENCHMARKS_MD, 'utf8') : '# Benchmarks\n';
  const start = existing.indexOf(`${SECTION}\n`);
  if (start < 0) {
    await writeFile(BENCHMARKS_MD, `${existing.trimEnd()}\n\n${text}`);
    return;
  }
  const next = existing.indexOf('\n## ', start + SECTION.length);
  await writeFile(BENCHMARKS_MD, `${existing.slice(0, start)}${text}${next < 0 ? '' : existing.slice(next + 1)}`);
}

async function main(): Promise<void> {
  if (!process.env.BENCH_NO_BUILD) {
    process.stdout.write('Building dist/ (the CLI the benchmark runs)...\n');
    const build = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  if (!existsSync(RECORDING)) await record();
  const proxy = await startProxy(['--upstream', 'http://127.0.0.1:9', '--load', RECORDING]);
  const runs: Run[] = [];
  try {
    for (const accounts of SIZES) {
      for (const throttle of THROTTLES) {
        for (const configEverywhere of CONFIG_EVERYWHERE) {
          for (const motoPublicSnapshots of MOTO_PUBLIC_SNAPSHOTS) {
            for (const variant of VARIANTS) {
              process.stdout.write(
                `Scan of ${accounts} accounts x ${REGIONS.length} regions, ${throttle * 100}% throttled, ${configEverywhere ? 'AWS Config in every region' : '--regions'}, ${motoPublicSnapshots ? "moto's public snapshots" : 'owned snapshots'}, ${variant || 'default arguments'}...\n`,
              );
              const run = await scanOnce(proxy.endpoint, accounts, throttle, variant, configEverywhere, motoPublicSnapshots);
              runs.push(run);
              process.stdout.write(`  ${row(run)}\n${topOperations(run, Number(process.env.BENCH_TOP_OPERATIONS ?? 25))}\n`);
            }
          }
        }
      }
    }
  } finally {
    proxy.child.kill('SIGTERM');
  }
  if (CPU_PROF || process.env.BENCH_NO_DOCS) {
    // A profiled run is slower than a plain one: its figures do not go into the docs.
    process.stdout.write(`${CPU_PROF ? `Profiles in ${CPU_PROF}; ` : ''}docs/benchmarks.md left as it was.\n`);
    return;
  }
  await writeSection(section(runs));
  process.stdout.write(`Wrote the "${SECTION.slice(3)}" section of ${BENCHMARKS_MD}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
