/**
 * Memory benchmark for issue 10 ask 3 (memory flat in the number of accounts): synthetic sharded snapshots
 * of 10, 100 and 1,000 accounts x 17 regions (no moto: the bundled sample's account slices cloned under new
 * account ids and region names), then, each in its own Node process so the peak RSS belongs to it alone:
 *   - stream: what `ftr evaluate` does (read account by account, evaluate, write assessment.json through the
 *     streaming writer) plus the JSON report when the assessment is small enough to keep (`findingsInMemory`);
 *   - whole (10 and 100 only): the pre-issue path, the whole snapshot in memory, `evaluate`, then
 *     `JSON.stringify` of the assessment, for comparison.
 * Run: `npx tsx bench/memory-bench.ts [--accounts 10,100,1000] [--regions 17]`. Figures: docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_SNAPSHOT_PATH } from '../src/cli/commands/demo.js';
import { resolveFramework } from '../src/cli/options.js';
import { assess, assessAndWrite } from '../src/cli/write-assessment.js';
import { shardsOf, type AccountSnapshot } from '../src/core/snapshot.js';
import { writeOutputFile } from '../src/io/output-file.js';
import { openSnapshot, readSnapshot } from '../src/io/snapshot-file.js';
import { SnapshotFileWriter } from '../src/io/snapshot-stream.js';
import { renderReports } from '../src/report/render.js';
import { buildReportModel } from '../src/report/model.js';

const REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1',
  'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'ca-central-1', 'sa-east-1',
];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const framework = resolveFramework('ftr-partner-hosted');
const peakMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

/** Account `n` of the synthetic org: a sample account under a new id, its regions cloned to `regions` names. */
function syntheticAccount(templates: readonly AccountSnapshot[], n: number, regions: number): AccountSnapshot {
  const template = templates[n % templates.length];
  if (!template) throw new Error('the sample has no account');
  const id = String(100000000000 + n);
  const [first] = template.regional;
  const regional = REGIONS.slice(0, regions).map((region, i) => {
    const source = template.regional[i % template.regional.length] ?? first;
    return JSON.parse(JSON.stringify(source).split(source?.region ?? '').join(region)) as AccountSnapshot['regional'][number];
  });
  const account = JSON.parse(JSON.stringify({ ...template, regional }).split(template.accountId).join(id)) as AccountSnapshot;
  const listed = account.regions.ok
    ? { ok: true as const, value: REGIONS.map((region, i) => ({ region, optInStatus: 'opt-in-not-required', enabled: true, scanned: i < regions })) }
    : account.regions;
  return { ...account, name: `account-${n}`, regions: listed };
}

async function generate(path: string, accounts: number, regions: number): Promise<void> {
  const sample = await readSnapshot(SAMPLE_SNAPSHOT_PATH);
  const { header, trailer } = shardsOf(sample);
  const writer = await SnapshotFileWriter.open(path);
  await writer.header({ ...header, mode: 'organization', requestedRegions: null });
  for (let n = 0; n < accounts; n++) await writer.account({ complete: true, account: syntheticAccount(sample.accounts, n, regions), errors: [], operations: [] });
  await writer.finish({ ...trailer, errors: [], operations: [] });
}

async function child(mode: string, snapshot: string, out: string): Promise<void> {
  const started = Date.now();
  const options = { framework, delivery: 'multi-tenant-saas' as const, attestationsFile: null };
  if (mode === 'stream') {
    const result = await assessAndWrite(await openSnapshot(snapshot), { ...options, scopes: [null], outDir: out });
    const evaluated = Date.now();
    const main = result.assessments[0];
    let report = 'skipped (too large to keep in memory)';
    if (result.findingsInMemory && main) {
      await renderReports(buildReportModel(main), ['json'], { outDir: out });
      report = 'written';
    }
    const size = (await stat(join(out, 'assessment.json'))).size;
    process.stdout.write(JSON.stringify({ ms: evaluated - started, reportMs: Date.now() - evaluated, peakMb: peakMb(), assessmentMb: size / 2 ** 20, report }));
  } else {
    const whole = await readSnapshot(snapshot);
    const { assessment } = assess(whole, options);
    await writeOutputFile(join(out, 'assessment.json'), `${JSON.stringify(assessment, null, 2)}\n`);
    process.stdout.write(JSON.stringify({ ms: Date.now() - started, peakMb: peakMb() }));
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    await child(process.argv[3] ?? '', process.argv[4] ?? '', process.argv[5] ?? '');
    return;
  }
  const counts = arg('accounts', '10,100,1000').split(',').map(Number);
  const regions = Number(arg('regions', '17'));
  const dir = await mkdtemp(join(tmpdir(), 'ftr-memory-bench-'));
  const self = fileURLToPath(import.meta.url);
  const rows: string[] = [];
  try {
    for (const accounts of counts) {
      const snapshot = join(dir, `snapshot-${accounts}.json.gz`);
      await generate(snapshot, accounts, regions);
      const gz = (await stat(snapshot)).size / 2 ** 20;
      const run = (mode: string): Record<string, unknown> | null => {
        try {
          const text = execFileSync(process.execPath, ['--import', 'tsx', self, '--child', mode, snapshot, join(dir, `${mode}-${accounts}`)], {
            encoding: 'utf8',
            maxBuffer: 1 << 20,
            stdio: ['ignore', 'pipe', 'ignore'],
          });
          return JSON.parse(text) as Record<string, unknown>;
        } catch {
          return null;
        }
      };
      const stream = run('stream');
      const whole = accounts <= 100 ? run('whole') : null;
      const text = (await readFile(join(dir, `stream-${accounts}`, 'assessment.json'))).length / 2 ** 20;
      rows.push(
        `| ${accounts} x ${regions} | ${gz.toFixed(1)} MB | ${stream ? `${String(stream.peakMb)} MB` : 'failed'} | ${stream ? `${(Number(stream.ms) / 1000).toFixed(1)} s` : ''} | ${text.toFixed(0)} MB | ${typeof stream?.report === 'string' ? stream.report : ''} | ${whole ? `${String(whole.peakMb)} MB, ${(Number(whole.ms) / 1000).toFixed(1)} s` : accounts <= 100 ? 'failed' : 'not run'} |`,
      );
      process.stdout.write(`${rows[rows.length - 1] ?? ''}\n`);
    }
    process.stdout.write(
      [
        '',
        `Node ${process.version}; synthetic accounts cloned from the bundled sample, ${regions} regions each.`,
        '| accounts x regions | snapshot.json.gz | peak RSS, streaming evaluate + assessment.json (+ JSON report) | time | assessment.json | JSON report | whole snapshot in memory (pre-issue path): peak RSS, time |',
        '|---|---|---|---|---|---|---|',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
