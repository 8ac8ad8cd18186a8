/**
 * Report rendering benchmark: renders every format from a synthetic assessment of 107,000 findings and
 * 20,000 resources and prints wall time and peak memory per format. Each format runs in its own child
 * process so peak RSS belongs to that format alone. Run: `npx tsx bench/report-bench.ts` (the PDF needs
 * Chromium; it is skipped with a message when there is none). Options: --findings N --resources N.
 * The PDF uses the Chromium `ftr` would find (FTR_CHROMIUM to choose another, e.g. /usr/bin/chromium to
 * compare with the headless shell); BENCH_PDF_TAGGED=1 prints it tagged, as `--accessible-pdf` does.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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
  /** CPU time of this process's descendants (Chromium and all its processes), sampled from /proc; Linux only. */
  readonly childCpuMs: number | null;
  readonly modelMs: number;
  readonly baselineMb: number;
  readonly peakMb: number;
  readonly bytes: number;
  /** One-minute load average when the format finished (2 CPUs: above 2, processes waited for a CPU). */
  readonly load: number;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}

/**
 * CPU time of every process descended from this one (Chromium's browser, zygote, renderer, GPU and utility
 * processes), Linux only: /proc is sampled every 100 ms and each process counts with the last user + system
 * time seen, minus what it had used when the measurement began. Reading `cutime` of /proc/self/stat instead
 * undercounts: Chromium's renderers are not children of the browser process (the zygote forks them) and are
 * not all waited for, so their CPU time never reaches this process. tsx's esbuild process is left out.
 */
class DescendantCpu {
  private readonly start = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private readonly timer: NodeJS.Timeout | null;

  constructor() {
    this.timer = this.sample(true) ? setInterval(() => this.sample(false), 100) : null;
  }

  /** Whether /proc could be read. */
  private sample(initial: boolean): boolean {
    const parent = new Map<number, number>();
    const ticks = new Map<number, number>();
    try {
      for (const name of readdirSync('/proc')) {
        if (!/^\d+$/.test(name)) continue;
        try {
          // After "comm) ", index 1 is the parent pid, 11 and 12 are utime and stime (clock ticks, 100 Hz).
          const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
          parent.set(Number(name), Number(fields[1]));
          ticks.set(Number(name), Number(fields[11]) + Number(fields[12]));
        } catch {
          // The process ended between the listing and the read.
        }
      }
    } catch {
      return false;
    }
    const mine = new Set<number>([process.pid]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [pid, ppid] of parent) {
        if (!mine.has(pid) && mine.has(ppid)) {
          mine.add(pid);
          grew = true;
        }
      }
    }
    mine.delete(process.pid);
    for (const pid of mine) {
      // tsx's esbuild service (it compiles this bench's TypeScript) is not part of rendering.
      if (this.isEsbuild(pid)) continue;
      const t = (ticks.get(pid) ?? 0) * 10;
      if (!this.start.has(pid)) this.start.set(pid, initial ? t : 0);
      this.last.set(pid, t);
    }
    return true;
  }

  private readonly esbuild = new Map<number, boolean>();
  private isEsbuild(pid: number): boolean {
    let known = this.esbuild.get(pid);
    if (known === undefined) {
      try {
        known = readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'esbuild';
      } catch {
        known = false;
      }
      this.esbuild.set(pid, known);
    }
    return known;
  }

  /** Milliseconds of CPU the descendants used since the measurement began, or null without /proc. */
  stop(): number | null {
    if (this.timer === null) return null;
    clearInterval(this.timer);
    this.sample(false);
    let ms = 0;
    for (const [pid, t] of this.last) ms += t - (this.start.get(pid) ?? 0);
    return ms;
  }
}

async function child(format: ReportFormat): Promise<void> {
  const assessment = syntheticAssessment({ findings: arg('findings', 107_000), resources: arg('resources', 20_000) });
  const baselineMb = process.memoryUsage().rss / 1048576;
  const dir = await mkdtemp(join(tmpdir(), 'ftr-bench-'));
  try {
    const cpu0 = process.cpuUsage();
    const children = new DescendantCpu();
    const t0 = performance.now();
    const model = buildReportModel(assessment);
    const t1 = performance.now();
    const files = await renderReports(model, [format], { outDir: dir, chromiumPath: findChromium() ?? null, accessiblePdf: process.env.BENCH_PDF_TAGGED === '1' });
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const childrenMs = children.stop();
    let bytes = 0;
    for (const f of files) bytes += (await stat(f)).size;
    const result: Result = {
      format,
      ms: Math.round(t2 - t0),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      childCpuMs: childrenMs,
      modelMs: Math.round(t1 - t0),
      baselineMb: Math.round(baselineMb),
      peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
      bytes,
      load: Math.round((loadavg()[0] ?? 0) * 10) / 10,
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
    `format | total ms (model + render) | CPU ms (+ Chromium) | model ms | peak RSS MB (baseline) | output | load average`,
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
      `${r.format.padEnd(6)} | ${String(r.ms).padStart(8)} | ${String(r.cpuMs).padStart(6)}${r.childCpuMs ? ` + ${r.childCpuMs}` : ''} | ${String(r.modelMs).padStart(6)} | ${String(r.peakMb).padStart(5)} (${r.baselineMb}) | ${(r.bytes / 1048576).toFixed(1)} MiB | ${r.load}`,
    );
  }
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) await child(process.argv[childAt + 1] as ReportFormat);
else main();
