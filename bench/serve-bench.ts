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
import { cpus, tmpdir, totalmem } from 'node:os';
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

interface Figures {
  readonly engine: string;
  readonly recordBigMs: number;
  readonly overview: { p50: number; p95: number };
  readonly item: { p50: number; p95: number; itemId: string; findings: number };
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

async function time(fn: () => Promise<void>, n: number): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up: JIT, prepared statements, page cache
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
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
    const overview = await time(() => get('/'), REQUESTS);
    const item = await time(() => get(`/assessments/${assessment.id}/items/${encodeURIComponent(itemId)}`), REQUESTS);
    await app.jobs.close();
    return { engine, recordBigMs, overview, item: { ...item, itemId, findings } };
  } finally {
    await store.close();
  }
}

function renderSection(results: readonly Figures[], skipped: string | null): string {
  const rows = results.map(
    (r) =>
      `| ${r.engine} | ${r.overview.p50} ms | **${r.overview.p95} ms** | ${r.item.p50} ms | **${r.item.p95} ms** | ${r.item.itemId} (${r.item.findings.toLocaleString('en')} findings) | ${(r.recordBigMs / 1000).toFixed(1)} s |`,
  );
  return [
    SECTION,
    '',
    `Measured with \`npm run bench\` (bench/serve-bench.ts) on ${new Date().toISOString().slice(0, 10)}: ${STORED} stored assessments of FTR Partner-Hosted, the newest the synthetic assessment of **${BIG_FINDINGS.toLocaleString('en')} findings and ${(BIG_FINDINGS / 5).toLocaleString('en')} resources** (the report benchmark's generator), the ${STORED - 1} older ones ${HISTORY_FINDINGS.toLocaleString('en')} findings each. Each page is requested ${REQUESTS} times after 3 warm-up requests through \`app.request()\` (routing, store queries and rendering; no socket). The item page is the item whose checks have the most findings. Machine: ${cpus().length} CPUs, ${Math.round(totalmem() / 1e9)} GB RAM, Node ${process.version}, other test suites running at the same time.`,
    '',
    '| store | overview p50 | overview p95 | item page p50 | item page p95 | item | recording the 100k assessment |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Why it is fast: the overview reads the list columns of the 50 assessments, the newest one\'s item rows and header, and FAIL counts by severity from the `(assessment_id, status, severity)` index; the item page reads one item row, at most 100 findings of its checks that need attention (through `(assessment_id, check_id, status)`), a few passing ones, its history through `(item_id, assessment_id)`. Neither parses a whole document. The Assessment page and the exports do (they show or write everything): the first request of a 100k-finding assessment takes seconds, later ones come from an in-memory cache of the last three report models.',
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
