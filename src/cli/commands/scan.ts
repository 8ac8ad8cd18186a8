/**
 * `ftr scan`: collect -> snapshot.json.gz -> evaluate -> assessment.json, with live progress. Ctrl-C or a
 * dead endpoint stops the collection, and everything collected so far is still written.
 */
import { join } from 'node:path';
import { Listr } from 'listr2';
import { runScan } from '../../collect/run-collection.js';
import type { Assessment } from '../../core/assessment.js';
import { EXIT, UserError } from '../../core/errors.js';
import type { DeliveryCategory, Framework } from '../../core/framework.js';
import type { Snapshot } from '../../core/snapshot.js';
import { assertWritableDestination, prepareOutputDir } from '../../io/output-file.js';
import { validateSnapshot, writeSnapshot } from '../../io/snapshot-file.js';
import type { Severity } from '../../core/finding.js';
import { findingsAtOrAbove } from '../fail-on.js';
import { progressReporter } from '../progress.js';
import { formatNextSteps, formatSummary, terminalWidth } from '../summary.js';
import { preflightReports, writeReports } from './report.js';
import { announceAttestations, assessAndWrite, assessmentFileName, resolveAttestations, resolveScopes } from '../write-assessment.js';
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
  /** Requests in flight across the scan (--concurrency). */
  readonly concurrency: number;
  /** Requests in flight against one account (--per-account-concurrency). */
  readonly perAccountConcurrency?: number | undefined;
  readonly maxAttempts: number;
  /** Report formats to write after the assessment (`html,pdf,...`), if any. */
  readonly formats: string | undefined;
  readonly chromiumPath: string | undefined;
  /** `--attestations <file>`, false for `--no-attestations`, undefined to look for one. */
  readonly attestationsFile: string | false | undefined;
  readonly scopeFile: string | undefined;
  readonly scopeName: string | undefined;
  /** `--evidence-root`: more folders attestation evidence files may be in. */
  readonly evidenceRoots?: readonly string[] | undefined;
  /** Exit 1 when a FAIL of this severity or worse remains. */
  readonly failOn: Severity | undefined;
  /** `--db`: also record the snapshot and assessments in the workspace store. */
  readonly db?: DbOption;
}

interface ScanContext {
  snapshot?: Snapshot;
  assessments: Assessment[];
  /** The assessment file of each assessment, in the same order. */
  assessmentFiles: string[];
  warnings: string[];
  files: string[];
}

export async function scanCommand(options: ScanCommandOptions): Promise<number> {
  // Everything that can be wrong with the flags and files is checked before scanning: a typo, a missing
  // Chromium or an unwritable --out must not cost a whole scan.
  if (options.accounts !== undefined && !options.org) {
    throw new UserError('--accounts only applies with --org (it picks accounts of the Organization). Add --org, or drop --accounts.');
  }
  const scopes = resolveScopes(options.scopeFile, options.scopeName);
  const reports = await preflightReports(options.formats, options.chromiumPath, options.out);
  await prepareOutputDir(options.out);
  const snapshotPath = join(options.out, 'snapshot.json.gz');
  for (const path of [snapshotPath, ...scopes.map((s) => join(options.out, assessmentFileName(s, scopes.length > 1)))]) {
    await assertWritableDestination(path);
  }
  const attestations = resolveAttestations({
    option: options.attestationsFile,
    besideDir: options.out,
    besideLabel: `the --out folder ${options.out}`,
    framework: options.framework,
    delivery: options.delivery,
    scopes,
    evidenceRoots: options.evidenceRoots,
  });
  announceAttestations(attestations);
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
            const onProgress = progressReporter({
              tty,
              setTitle: (line) => (task.title = `Collect: ${line}`),
              // In a log (CI, a pipe) listr2 prints titles only when a task ends: write a line every few seconds.
              writeLine: (line) => process.stderr.write(`${line}\n`),
            });
            ctx.snapshot = await runScan({
              org: options.org,
              roleName: options.roleName,
              externalId: options.externalId,
              profile: options.profile,
              regions: options.regions,
              accounts: options.accounts,
              concurrency: options.concurrency,
              perAccountConcurrency: options.perAccountConcurrency,
              maxAttempts: options.maxAttempts,
              signal: interrupt.signal,
              onProgress,
            });
            const s = ctx.snapshot;
            const regions = new Set(s.accounts.flatMap((a) => a.regional.map((r) => r.region)));
            const retries = s.stats ? `, ${s.stats.retries} retries (${s.stats.throttles} throttled)` : '';
            task.title = `Collected ${s.accounts.length} account(s) x ${regions.size} region(s): ${s.operations.reduce((n, o) => n + o.calls, 0)} API calls${retries}, ${s.errors.length} failed read(s)${s.complete ? '' : ` — INCOMPLETE: ${s.interruption?.reason ?? ''}`}`;
          },
        },
        {
          title: 'Write snapshot',
          task: async (ctx, task) => {
            if (!ctx.snapshot) return;
            await writeSnapshot(snapshotPath, ctx.snapshot);
            ctx.files.push(snapshotPath);
            task.title = `Snapshot written to ${snapshotPath}`;
          },
        },
        {
          title: `Evaluate ${options.framework.id}`,
          task: async (ctx, task) => {
            if (!ctx.snapshot) return;
            // The same validation `ftr evaluate` applies to the file (it is already written, so nothing is lost).
            const snapshot = validateSnapshot(ctx.snapshot, join(options.out, 'snapshot.json.gz'));
            const result = await assessAndWrite(snapshot, {
              framework: options.framework,
              delivery: options.delivery,
              attestationsFile: attestations.file,
              evidenceRoots: options.evidenceRoots,
              scopes,
              outDir: options.out,
            });
            ctx.assessments.push(...result.assessments);
            ctx.assessmentFiles.push(...result.files);
            ctx.warnings.push(...result.warnings);
            ctx.files.push(...result.files);
            task.title = `Assessment written to ${result.files.join(', ')}`;
          },
        },
        {
          title: 'Write reports',
          enabled: () => reports.formats.length > 0,
          task: async (ctx, task) => {
            const [main, ...others] = ctx.assessments;
            if (!main) return;
            const written = await writeReports({
              assessment: main,
              caseStudies: others,
              formats: reports.formats,
              outDir: options.out,
              chromiumPath: reports.chromiumPath,
            });
            ctx.files.push(...written);
            task.title = `Reports written: ${written.join(', ')}`;
          },
        },
      ],
      { renderer: 'default', fallbackRenderer: 'simple', fallbackRendererCondition: !tty, exitOnError: true, registerSignalListeners: false },
    );
    const ctx = await tasks.run({ files: [], assessments: [], assessmentFiles: [], warnings: [] });
    await recordRun(options.db, ctx.snapshot, ctx.assessments, 'scan');
    for (const w of ctx.warnings) process.stderr.write(`Warning: ${w}\n`);
    const width = terminalWidth();
    ctx.assessments.forEach((assessment, n) => {
      const file = ctx.assessmentFiles[n] ?? null;
      process.stdout.write(`\n${formatSummary(assessment, { file, multiScope: ctx.assessments.length > 1, width })}\n`);
    });
    if (ctx.assessments.length > 0) {
      const snapshotPath = join(options.out, 'snapshot.json.gz');
      const next = formatNextSteps(ctx.assessments, { command: 'scan', snapshotPath, files: ctx.assessmentFiles, reportsWritten: options.formats !== undefined, width });
      if (next !== '') process.stdout.write(`\n${next}\n`);
    }
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
