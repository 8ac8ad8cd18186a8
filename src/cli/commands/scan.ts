/**
 * `ftr scan`: collect -> snapshot.json.gz -> evaluate -> assessment.json, with live progress. Ctrl-C or a
 * dead endpoint stops the collection, and everything collected so far is still written.
 */
import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Listr } from 'listr2';
import { runScan } from '../../collect/run-collection.js';
import type { Assessment } from '../../core/assessment.js';
import { EXIT, UserError } from '../../core/errors.js';
import type { DeliveryCategory, Framework } from '../../core/framework.js';
import type { Snapshot } from '../../core/snapshot.js';
import { writeSnapshot } from '../../io/snapshot-file.js';
import type { Severity } from '../../core/finding.js';
import { findingsAtOrAbove } from '../fail-on.js';
import { throttled } from '../progress.js';
import { formatSummary } from '../summary.js';
import { writeReports } from './report.js';
import { assessAndWrite, findAttestationsFile, resolveScopes } from '../write-assessment.js';
import { recordRun } from '../record.js';
import type { DbOption } from '../store-access.js';

export interface ScanCommandOptions {
  readonly org: boolean;
  readonly roleName: string;
  readonly externalId: string | undefined;
  readonly profile: string | undefined;
  readonly regions: string[] | undefined;
  readonly accounts: string[] | undefined;
  readonly framework: Framework;
  readonly delivery: DeliveryCategory;
  readonly out: string;
  readonly concurrency: number;
  readonly maxAttempts: number;
  /** Report formats to write after the assessment (`html,pdf,...`), if any. */
  readonly formats: string | undefined;
  readonly chromiumPath: string | undefined;
  readonly attestationsFile: string | undefined;
  readonly scopeFile: string | undefined;
  readonly scopeName: string | undefined;
  /** Exit 1 when a FAIL of this severity or worse remains. */
  readonly failOn: Severity | undefined;
  /** `--db`: also record the snapshot and assessments in the workspace store. */
  readonly db?: DbOption;
}

interface ScanContext {
  snapshot?: Snapshot;
  assessments: Assessment[];
  warnings: string[];
  files: string[];
}

export async function scanCommand(options: ScanCommandOptions): Promise<number> {
  // Read the scope file and make sure --out is writable before scanning: a typo should not cost a whole scan.
  const scopes = resolveScopes(options.scopeFile, options.scopeName);
  await ensureWritableDir(options.out);
  const interrupt = new AbortController();
  let sigints = 0;
  const onSigint = () => {
    sigints += 1;
    if (sigints === 1) {
      process.stderr.write('\nInterrupted: stopping the scan and writing what was collected (Ctrl-C again to quit now).\n');
      interrupt.abort('interrupted by the user (Ctrl-C)');
    } else {
      process.exit(EXIT.interrupted);
    }
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  const tty = process.stdout.isTTY;

  try {
    const tasks = new Listr<ScanContext, 'default', 'simple'>(
      [
        {
          title: 'Collect',
          task: async (ctx, task) => {
            const setTitle = throttled((line) => (task.title = `Collect: ${line}`), tty);
            ctx.snapshot = await runScan({
              org: options.org,
              roleName: options.roleName,
              externalId: options.externalId,
              profile: options.profile,
              regions: options.regions,
              accounts: options.accounts,
              concurrency: options.concurrency,
              maxAttempts: options.maxAttempts,
              signal: interrupt.signal,
              onProgress: setTitle,
            });
            const s = ctx.snapshot;
            const regions = new Set(s.accounts.flatMap((a) => a.regional.map((r) => r.region)));
            task.title = `Collected ${s.accounts.length} account(s) x ${regions.size} region(s): ${s.operations.reduce((n, o) => n + o.calls, 0)} API calls, ${s.errors.length} failed read(s)${s.complete ? '' : ` — INCOMPLETE: ${s.interruption?.reason ?? ''}`}`;
          },
        },
        {
          title: 'Write snapshot',
          task: async (ctx, task) => {
            if (!ctx.snapshot) return;
            const path = join(options.out, 'snapshot.json.gz');
            await writeSnapshot(path, ctx.snapshot);
            ctx.files.push(path);
            task.title = `Snapshot written to ${path}`;
          },
        },
        {
          title: `Evaluate ${options.framework.id}`,
          task: async (ctx, task) => {
            if (!ctx.snapshot) return;
            const result = await assessAndWrite(ctx.snapshot, {
              framework: options.framework,
              delivery: options.delivery,
              attestationsFile: findAttestationsFile(options.attestationsFile, options.out),
              scopes,
              outDir: options.out,
            });
            ctx.assessments.push(...result.assessments);
            ctx.warnings.push(...result.warnings);
            ctx.files.push(...result.files);
            task.title = `Assessment written to ${result.files.join(', ')}`;
          },
        },
        {
          title: 'Write reports',
          enabled: () => options.formats !== undefined,
          task: async (ctx, task) => {
            const [main, ...others] = ctx.assessments;
            if (!main || options.formats === undefined) return;
            const written = await writeReports({
              assessment: main,
              caseStudies: others,
              formats: options.formats,
              outDir: options.out,
              chromiumPath: options.chromiumPath ?? null,
            });
            ctx.files.push(...written);
            task.title = `Reports written: ${written.join(', ')}`;
          },
        },
      ],
      { renderer: 'default', fallbackRenderer: 'simple', fallbackRendererCondition: !tty, exitOnError: true, registerSignalListeners: false },
    );
    const ctx = await tasks.run({ files: [], assessments: [], warnings: [] });
    await recordRun(options.db, ctx.snapshot, ctx.assessments, 'scan');
    for (const w of ctx.warnings) process.stderr.write(`Warning: ${w}\n`);
    for (const assessment of ctx.assessments) process.stdout.write(`\n${formatSummary(assessment)}\n`);
    const snapshot = ctx.snapshot;
    if (snapshot && !snapshot.complete) {
      const reason = snapshot.interruption?.reason ?? 'unknown reason';
      process.stderr.write(
        `\nThe scan stopped early (${reason}). What was collected is in ${options.out}; missing data is reported as UNKNOWN.\n`,
      );
      return interrupt.signal.aborted ? EXIT.interrupted : EXIT.incomplete;
    }
    if (options.failOn !== undefined && findingsAtOrAbove(ctx.assessments, options.failOn) > 0) {
      process.stderr.write(`\n${findingsAtOrAbove(ctx.assessments, options.failOn)} failing finding(s) of severity ${options.failOn} or worse (--fail-on).\n`);
      return EXIT.failingFindings;
    }
    return EXIT.ok;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}

async function ensureWritableDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new UserError(`Cannot write to the output directory ${dir} (${why}); choose another with --out.`);
  }
}
