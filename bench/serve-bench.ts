/**
 * Dashboard benchmark: records the synthetic 100,000-finding assessment (test/fixtures/assessments/
 * synthetic.ts, the report benchmark's generator) as the newest of 50 stored assessments of one framework,
 * then measures the overview and an item page through `app.request()` (the whole Hono app: routing, store
 * queries, rendering) and prints p50/p95. On SQLite, and on PostgreSQL when its binaries are installed
 * (test/helpers/postgres-server.ts starts a private server). Writes the figures into docs/benchmarks.md under
 * "## Dashboard (ftr serve)", keeping the other sections.
 *
 *   npx tsx bench/serve-bench.ts                      (part of `npm run bench`)
 *   BENCH_HISTORY_FINDINGS=2000 BENCH_REQUESTS=60 npx tsx bench/serve-bench.ts
 *
 * The 49 older assessments are smaller (BENCH_HISTORY_FINDINGS each, default 2,000): recording 50 x 100k
 * findings would take about half an hour per engine and measure the import, not the pages. The pages read
 * only the newest assessment's rows and the list columns of all 50.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Assessment } from '../src/core/assessment.js';
import { createApp } from '../src/serve/app.js';
import { openStore, type Store } from '../src/store/db.js';
import type { StoreLocation } from '../src/store/location.js';
import { syntheticAssessment } from '../test/fixtures/assessments/synthetic.js';
import { findPostgres, startPostgres } from '../test/helpers/postgres-server.js';

const BENCHMARKS_MD = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const SECTION = '## Dashboard (ftr serve)';
const BIG_FINDINGS = Number(process.env.BENCH_FINDINGS ?? 100_000);
const HISTORY_FINDINGS = Number(process.env.BENCH_HISTORY_FINDINGS ?? 2_000);
const STORED = 50;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const actor = { userId: null, label: 'bench' };

interface Timing {
  readonly p50: number;
  readonly p95: number;
  /** Mean CPU time (user + system) of this process per request: steadier than wall time on a shared machine. */
  readonly cpuMs: number;
  /** The very first request, before any cache of the app is warm. */
  readonly firstMs: number;
}

interface Figures {
  readonly engine: string;
  readonly recordBigMs: number;
  readonly overview: Timing;
  readonly item: Timing & { itemId: string; findings: number };
  /** 1-minute load average before and after measuring the pages. */
  readonly load: readonly [number, number];
}

/** The same synthetic assessment at another time: a different document, so a different stored assessment. */
function at(base: Assessment, day: number): Assessment {
  const generatedAt = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString();
  return { ...base, generatedAt };
}

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, i)] ?? 0) * 10) / 10;
}

async function time(fn: () => Promise<void>, n: number): Promise<Timing> {
  const t0 = performance.now();
  await fn();
  const firstMs = Math.round(performance.now() - t0);
  for (let i = 0; i < 2; i++) await fn(); // warm-up: JIT, prepared statements, page cache
  const samples: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), cpuMs: Math.round((cpu.user + cpu.system) / 10 / n) / 100, firstMs };
}

async function measure(engine: string, location: StoreLocation): Promise<Figures> {
  const store: Store = await openStore(location);
  try {
    const small = syntheticAssessment({ findings: HISTORY_FINDINGS, resources: Math.max(100, HISTORY_FINDINGS / 5) });
    process.stdout.write(`[${engine}] recording ${STORED - 1} assessments of ${HISTORY_FINDINGS} findings...\n`);
    for (let d = 0; d < STORED - 1; d++) await store.assessments.record(at(small, d), { scanId: null, source: 'bench', actor });
    process.stdout.write(`[${engine}] recording the ${BIG_FINDINGS}-finding assessment...\n`);
    const big = at(syntheticAssessment({ findings: BIG_FINDINGS, resources: BIG_FINDINGS / 5 }), STORED);
    const t0 = performance.now();
    const { assessment } = await store.assessments.record(big, { scanId: null, source: 'bench', actor });
    const recordBigMs = performance.now() - t0;
    // The item whose checks have the most findings: the worst case for an item page.
    const counts = new Map<string, number>();
    for (const f of big.findings) for (const id of f.controlIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    const [itemId, findings] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['ARC-003', 0];
    const app = createApp({ store });
    const get = async (path: string) => {
      const res = await app.request(path);
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      await res.text();
    };
    process.stdout.write(`[${engine}] measuring ${REQUESTS} requests per page...\n`);
    const loadBefore = loadavg()[0] ?? 0;
    const overview = await time(() => get('/'), REQUESTS);
    const item = await time(() => get(`/assessments/${assessment.id}/items/${encodeURIComponent(itemId)}`), REQUESTS);
    const load: [number, number] = [Math.round(loadBefore * 100) / 100, Math.round((loadavg()[0] ?? 0) * 100) / 100];
    await app.jobs.close();
    return { engine, recordBigMs, overview, item: { ...item, itemId, findings }, load };
  } finally {
    await store.close();
  }
}

/** The figures before the view cache and the FAIL-count columns, for comparison (same machine, same day). */
const BEFORE =
  'Before (2026-11-30, same machine and data, load average 0.7 to 3.5; overview / item page): SQLite p50 10.1 / 13 ms, p95 32.2 / 92.3 ms; PostgreSQL p50 21 / 31.4 ms, p95 35.2 / 79.1 ms; about 7 ms of CPU per request for either page. Earlier, under a load average of 15 to 30: SQLite p95 214 / 471 ms, PostgreSQL 427 / 775 ms (the item page then loaded 500 results, now 100). The CPU per request is what decides the p95 on a loaded 2-CPU machine: at a load of 15, a request waits for a CPU about as long as the others run.';

function renderSection(results: readonly Figures[], skipped: string | null): string {
  const rows = results.map(
    (r) =>
      `| ${r.engine} | ${r.overview.p50} ms | **${r.overview.p95} ms** | ${r.overview.cpuMs} ms | ${r.overview.firstMs} ms | ${r.item.p50} ms | **${r.item.p95} ms** | ${r.item.cpuMs} ms | ${r.item.firstMs} ms | ${r.item.itemId} (${r.item.findings.toLocaleString('en')} findings) | ${(r.recordBigMs / 1000).toFixed(1)} s | ${r.load[0]} → ${r.load[1]} |`,
  );
  return [
    SECTION,
    '',
    `Measured with \`npm run bench\` (bench/serve-bench.ts) on ${new Date().toISOString().slice(0, 10)}: ${STORED} stored assessments of FTR Partner-Hosted, the newest the synthetic assessment of **${BIG_FINDINGS.toLocaleString('en')} findings and ${(BIG_FINDINGS / 5).toLocaleString('en')} resources** (the report benchmark's generator), the ${STORED - 1} older ones ${HISTORY_FINDINGS.toLocaleString('en')} findings each. Each page is requested ${REQUESTS} times after 3 warm-up requests through \`app.request()\` (routing, store queries, rendering, and the fetch API's encoding and decoding of the body; no socket); "first request" is the first of the warm-up ones, with every cache of the app cold. CPU / request is this process's user + system time divided by the requests (PostgreSQL's own CPU is not in it). The item page is the item whose checks have the most findings. Machine: ${cpus().length} CPUs, ${Math.round(totalmem() / 1e9)} GB RAM, Node ${process.version}; the load average column says how busy it was (2 CPUs: above 2 means other processes waited for a CPU).`,
    '',
    '| store | overview p50 | overview p95 | overview CPU / request | overview first request | item page p50 | item page p95 | item CPU / request | item first request | item | recording the 100k assessment | load average (1 min) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Why it is fast: neither page parses a whole document, and neither re-derives what cannot change. The overview reads the list columns of the 50 assessments (every column but the 21 KB `header_json`), and FAIL counts by severity from columns written when the assessment was recorded (migration 0003; it used to count up to 100k finding rows per request). The item page reads one item row, at most 100 findings of its checks that need attention (through `(assessment_id, check_id, status)`) and a few passing ones. What is derived from a stored assessment (the parsed header and item rows, the report model without findings, an item\'s report model from its findings, the item verdicts of the previous assessment) is kept in an in-process LRU cache keyed by the document\'s sha256 (`src/serve/view-cache.ts`): a stored assessment never changes, saving an attestation records a new one. What is live (attestations and their versions, the item\'s history, the list of assessments) is read on every request. What remains per request is mostly rendering the HTML (the item page is about 70 KB) and, in this harness, the fetch API encoding and decoding it. The Assessment page and the exports do parse the whole document (they show or write everything): the first request of a 100k-finding assessment takes seconds, later ones come from an in-memory cache of the last three report models.',
    '',
    BEFORE,
    ...(skipped ? ['', `PostgreSQL: not measured (${skipped}).`] : []),
    '',
  ].join('\n');
}

function mergeSection(existing: string | null, section: string): string {
  if (!existing || existing.trim() === '') return `# Benchmarks\n\n${section}`;
  const lines = existing.split('\n');
  const start = lines.findIndex((l) => l.trim() === SECTION);
  if (start === -1) return `${existing.replace(/\n*$/, '\n\n')}${section}`;
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end === -1) end = lines.length;
  return [...lines.slice(0, start), ...section.replace(/\n$/, '').split('\n'), ...(end < lines.length ? ['', ...lines.slice(end)] : [''])].join('\n');
}

async function main(): Promise<void> {
  const results: Figures[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'ftr-serve-bench-'));
  try {
    results.push(await measure('SQLite', { engine: 'sqlite', file: join(dir, 'bench.db') }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  let skipped: string | null = null;
  const pg = findPostgres();
  if (pg.ok) {
    const server = await startPostgres(pg.binaries);
    try {
      results.push(await measure(`PostgreSQL ${server.version}`, { engine: 'postgres', url: await server.createDatabase('serve_bench') }));
    } finally {
      await server.stop();
    }
  } else {
    skipped = pg.reason;
    process.stdout.write(`PostgreSQL skipped: ${pg.reason}\n`);
  }
  const section = renderSection(results, skipped);
  process.stdout.write(`\n${section}\n`);
  const existing = await readFile(BENCHMARKS_MD, 'utf8').catch(() => null);
  await writeFile(BENCHMARKS_MD, mergeSection(existing, section));
}

await main();
