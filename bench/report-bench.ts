/**
 * Report rendering benchmark: renders every format from a synthetic assessment of 107,000 findings and
 * 20,000 resources and prints wall time and peak memory per format. Each format runs in its own child
 * process so peak RSS belongs to that format alone. Run: `npx tsx bench/report-bench.ts` (the PDF needs
 * Chromium; it is skipped with a message when there is none). Options: --findings N --resources N.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../src/report/chromium.js';
import { buildReportModel } from '../src/report/model.js';
import { REPORT_FORMATS, renderReports, type ReportFormat } from '../src/report/render.js';
import { syntheticAssessment } from '../test/fixtures/assessments/synthetic.js';

interface Result {
  readonly format: string;
  readonly ms: number;
  /** CPU time of this process (user + system): steadier than wall time on a busy machine; Chromium's own CPU is not in it. */
  readonly cpuMs: number;
  /** CPU time of the child processes this one has waited for (Chromium and its renderers), Linux only. */
  readonly childCpuMs: number | null;
  readonly modelMs: number;
  readonly baselineMb: number;
  readonly peakMb: number;
  readonly bytes: number;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}

/** User + system time of the finished child processes (fields cutime and cstime of /proc/self/stat), or null. */
function childCpuMs(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    // After the ") ", field 3 (state) is index 0, so cutime (16) and cstime (17) are 13 and 14; in clock ticks (100 Hz).
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}

async function child(format: ReportFormat): Promise<void> {
  const assessment = syntheticAssessment({ findings: arg('findings', 107_000), resources: arg('resources', 20_000) });
  const baselineMb = process.memoryUsage().rss / 1048576;
  const dir = await mkdtemp(join(tmpdir(), 'ftr-bench-'));
  try {
    const cpu0 = process.cpuUsage();
    const children0 = childCpuMs();
    const t0 = performance.now();
    const model = buildReportModel(assessment);
    const t1 = performance.now();
    const files = await renderReports(model, [format], { outDir: dir, chromiumPath: findChromium() ?? null });
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const children1 = childCpuMs();
    let bytes = 0;
    for (const f of files) bytes += (await stat(f)).size;
    const result: Result = {
      format,
      ms: Math.round(t2 - t0),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      childCpuMs: children0 === null || children1 === null ? null : children1 - children0,
      modelMs: Math.round(t1 - t0),
      baselineMb: Math.round(baselineMb),
      peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
      bytes,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const findings = arg('findings', 107_000);
  const resources = arg('resources', 20_000);
  const self = fileURLToPath(import.meta.url);
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  console.log(`Report rendering: ${findings} findings, ${resources} resources (one process per format)`);
  console.log(
    `format | total ms (model + render) | CPU ms (+ Chromium) | model ms | peak RSS MB (baseline) | output   (load average ${loadavg()[0]?.toFixed(1) ?? '?'})`,
  );
  for (const format of REPORT_FORMATS) {
    if (format === 'pdf' && !findChromium()) {
      console.log('pdf    | skipped: no Chromium (apt-get install chromium or set FTR_CHROMIUM)');
      continue;
    }
    const out = execFileSync(tsx, [self, '--child', format, '--findings', String(findings), '--resources', String(resources)], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = out.trim().split('\n').pop() ?? '{}';
    const r = JSON.parse(line) as Result;
    console.log(
      `${r.format.padEnd(6)} | ${String(r.ms).padStart(8)} | ${String(r.cpuMs).padStart(6)}${r.childCpuMs ? ` + ${r.childCpuMs}` : ''} | ${String(r.modelMs).padStart(6)} | ${String(r.peakMb).padStart(5)} (${r.baselineMb}) | ${(r.bytes / 1048576).toFixed(1)} MiB`,
    );
  }
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) await child(process.argv[childAt + 1] as ReportFormat);
else main();
