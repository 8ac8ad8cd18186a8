/**
 * `ftr scan`: collect -> snapshot.json.gz -> evaluate -> assessment.json, with live progress. Ctrl-C or a
 * dead endpoint stops the collection, and everything collected so far is still written.
 */
import { join } from 'node:path';
import { Listr } from 'listr2';
import { runScanToSink, type AccountDistributor, type ScanOptions } from '../../collect/run-collection.js';
import type { Assessment } from '../../core/assessment.js';
import { EXIT, UserError } from '../../core/errors.js';
import { SNAPSHOT_SCHEMA_VERSION, type SnapshotHeader, type SnapshotTrailer } from '../../core/snapshot.js';
import { TOOL_VERSION } from '../../version.js';
import { assertWritableDestination, prepareOutputDir } from '../../io/output-file.js';
import { openSnapshot, readSnapshot } from '../../io/snapshot-file.js';
import { scanToFile, workerThreads, type ScanToFileResult } from '../scan-snapshot.js';
import { requireOrgForAccounts, type ScanFlags } from '../options.js';
import type { Severity } from '../../core/finding.js';
import { progressReporter } from '../progress.js';
import { formatNextSteps, formatSummary, terminalWidth } from '../summary.js';
import type { ReportPlan } from './report.js';
import { announceAttestations, assessAndWrite, assessmentFileName, resolveAttestations, resolveScopes, openFailsAtOrAbove, TOO_LARGE_FOR_DB, TOO_LARGE_FOR_REPORTS } from '../write-assessment.js';
import { recordRun } from '../record.js';
import { boundHeapGrowth } from '../heap-growth.js';
import type { DbOption } from '../store-access.js';

/** The collection flags checked by `parseScanFlags` (shared with the dashboard's scan form), and the rest. */
export interface ScanCommandOptions extends ScanFlags {
  readonly out: string;
  /** `--resume <out>`: collect only the accounts without a complete shard in <out>/snapshot.json.gz. */
  readonly resume?: boolean;
  /** `--queue <postgres-url>`: units to `ftr worker` processes instead of collecting here. */
  readonly queue?: string | undefined;
  /** `--unit-timeout`: a queued unit not finished in this time is retried (its worker is presumed dead). */
  readonly unitTimeoutSeconds?: number | undefined;
  /** Report formats to write after the assessment (`html,pdf,...`), if any. */
  readonly formats: string | undefined;
  readonly chromiumPath: string | undefined;
  /** `--accessible-pdf`: a tagged PDF. */
  readonly accessiblePdf?: boolean;
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
  /** Set once snapshot.json.gz is written (every account in it as a shard). */
  trailer?: SnapshotTrailer;
  /** False when the assessments were too large to keep whole (reports and --db then need the files). */
  findingsInMemory: boolean;
  /** Severities of the open FAILs (for --fail-on). */
  openFailSeverities: Severity[];
  assessments: Assessment[];
  /** The assessment file of each assessment, in the same order. */
  assessmentFiles: string[];
  warnings: string[];
  files: string[];
}

/**
 * `--queue`: the accounts go to `ftr worker` processes through pg-boss; their shards come back through the
 * PostgreSQL store (docs/decisions/0011). The store and pg-boss are loaded only here.
 */
async function openScanQueue(options: ScanCommandOptions, resumeOf: SnapshotHeader | undefined): Promise<{ distributor: AccountDistributor; finish(result: ScanToFileResult): Promise<void>; close(): Promise<void> }> {
  if (!options.org) throw new UserError('--queue spreads the accounts of an Organization over workers: add --org.');
  const { openQueue, requirePostgresUrl, unitShardStore } = await import('../queue-store.js');
  const { queueDistributor } = await import('../../collect/workers/queue-coordinator.js');
  const { cliActor } = await import('../../store/db.js');
  const unitTimeoutSeconds = options.unitTimeoutSeconds ?? 900;
  // Expired units (dead workers) are noticed by pg-boss's maintenance: run it often enough for the timeout.
  const queue = await openQueue(requirePostgresUrl('--queue', options.queue), { maintenanceIntervalSeconds: Math.max(1, Math.min(120, Math.floor(unitTimeoutSeconds / 3))) });
  let scanId: number | null = null;
  const distributor = queueDistributor({
    boss: queue.boss,
    store: unitShardStore(queue.store),
    createScan: async (plan) => {
      // --resume of a queued scan: its row (same principal, same start: the resumed header keeps it) and
      // the shards workers stored for it, also after its coordinator stopped, are taken up again.
      const prior = resumeOf ? (await queue.store.scans.list()).find((s) => s.storage === 'shards' && s.principalArn === resumeOf.principal.arn && s.startedAt === resumeOf.startedAt) : undefined;
      scanId =
        prior?.id ??
        (
          await queue.store.scans.createSharded(
            { schemaVersion: SNAPSHOT_SCHEMA_VERSION, toolVersion: TOOL_VERSION, mode: 'organization', principalArn: plan.identity.arn, principalAccount: plan.identity.accountId, startedAt: plan.startedAt },
            { source: 'queue', actor: cliActor() },
          )
        ).id;
      return scanId;
    },
    roleName: options.roleName,
    externalIdRequired: options.externalId !== undefined,
    regions: options.regions,
    services: undefined,
    deepRegions: options.deepRegions,
    unitTimeoutSeconds,
  });
  return {
    distributor,
    // The scan's row was created with the envelope only: it learns the end and the counts of the snapshot.
    finish: async (result) => {
      if (scanId === null) return;
      const { trailer } = result;
      await queue.store.scans.finishSharded(
        scanId,
        {
          finishedAt: trailer.finishedAt,
          complete: trailer.complete,
          interruption: trailer.interruption?.reason ?? null,
          accountCount: result.accounts,
          regionCount: result.regions,
          apiCalls: result.apiCalls,
          failedReads: result.failedReads,
        },
        cliActor(),
      );
    },
    close: () => queue.close(),
  };
}

/** The header of the snapshot `--resume` continues; undefined when there is none (scanToFile then says so). */
async function priorHeader(path: string): Promise<SnapshotHeader | undefined> {
  const { readShardsForResume } = await import('../../io/snapshot-stream.js');
  return (await readShardsForResume(path).catch(() => undefined))?.header;
}

export async function scanCommand(options: ScanCommandOptions): Promise<number> {
  boundHeapGrowth();
  // Everything that can be wrong with the flags and files is checked before scanning: a typo, a missing
  // Chromium or an unwritable --out must not cost a whole scan.
  requireOrgForAccounts(options.org, options.accounts);
  const scopes = resolveScopes(options.scopeFile, options.scopeName);
  // The report modules (renderers, playwright-core: about 0.5 s of CPU to load) only when reports are asked.
  const reports: ReportPlan =
    options.formats === undefined
      ? { formats: [], chromiumPath: null, accessiblePdf: false }
      : await (await import('./report.js')).preflightReports(options.formats, options.chromiumPath, options.out, { accessible: options.accessiblePdf === true });
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
            // Every account is written to snapshot.json.gz as it finishes (io/snapshot-stream.ts).
            const queue = options.queue ? await openScanQueue(options, options.resume ? await priorHeader(snapshotPath) : undefined) : null;
            try {
              const collection: ScanOptions = {
                org: options.org,
                roleName: options.roleName,
                externalId: options.externalId,
                profile: options.profile,
                regions: options.regions,
                accounts: options.accounts,
                concurrency: options.concurrency,
                perAccountConcurrency: options.perAccountConcurrency,
                deepRegions: options.deepRegions,
                maxAttempts: options.maxAttempts,
                signal: interrupt.signal,
                onProgress,
              };
              const distribute = queue?.distributor ?? (await workerThreads(collection, options.workers));
              const result = await scanToFile(snapshotPath, { ...collection, distribute }, runScanToSink, options.resume === true);
              await queue?.finish(result);
              ctx.trailer = result.trailer;
              ctx.files.push(snapshotPath);
              const resumed = result.resumed > 0 ? ` (${result.resumed} kept from the interrupted scan)` : '';
              const stats = result.trailer.stats;
              const retries = stats ? `, ${stats.retries} retries (${stats.throttles} throttled)` : '';
              const spread = stats?.workers ? ` by ${stats.workers} ${options.queue ? 'queue worker(s)' : 'worker threads'}` : '';
              // Member reads a delegated administrator answered (collect/organization-posture.ts).
              const viaAdmins = (stats?.organizationReads ?? []).filter((r) => r.accountRegions > 0).map((r) => `${r.accountRegions} ${r.service} account-region read(s) through delegated administrator ${r.administrator ?? ''}`);
              const orgReads = viaAdmins.length > 0 ? `; ${viaAdmins.join(', ')}` : '';
              task.title = `Collected ${result.accounts} account(s)${resumed} x ${result.regions} region(s)${spread}: ${result.apiCalls} API calls${retries}, ${result.failedReads} failed read(s)${orgReads}${result.trailer.complete ? '' : ` — INCOMPLETE: ${result.trailer.interruption?.reason ?? ''}`}; snapshot written to ${snapshotPath}`;
            } finally {
              await queue?.close();
            }
          },
        },
        {
          title: `Evaluate ${options.framework.id}`,
          task: async (ctx, task) => {
            if (!ctx.trailer) return;
            // Read back account by account with the same validation `ftr evaluate` applies to the file.
            const result = await assessAndWrite(await openSnapshot(snapshotPath), {
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
            ctx.findingsInMemory = result.findingsInMemory;
            ctx.openFailSeverities.push(...result.openFailSeverities);
            task.title = `Assessment written to ${result.files.join(', ')}`;
          },
        },
        {
          title: 'Write reports',
          enabled: () => reports.formats.length > 0,
          task: async (ctx, task) => {
            const [main, ...others] = ctx.assessments;
            if (!main) return;
            if (!ctx.findingsInMemory) {
              ctx.warnings.push(TOO_LARGE_FOR_REPORTS);
              task.title = 'Reports skipped: the assessment is too large to render in memory';
              return;
            }
            const { writeReports } = await import('./report.js');
            const written = await writeReports({
              assessment: main,
              caseStudies: others,
              formats: reports.formats,
              outDir: options.out,
              chromiumPath: reports.chromiumPath,
              accessiblePdf: reports.accessiblePdf,
            });
            ctx.files.push(...written);
            task.title = `Reports written: ${written.join(', ')}`;
          },
        },
      ],
      { renderer: 'default', fallbackRenderer: 'simple', fallbackRendererCondition: !tty, exitOnError: true, registerSignalListeners: false },
    );
    const ctx = await tasks.run({ files: [], assessments: [], assessmentFiles: [], warnings: [], findingsInMemory: true, openFailSeverities: [] });
    if (ctx.trailer && ctx.findingsInMemory) await recordRun(options.db, () => readSnapshot(snapshotPath), ctx.assessments, 'scan', scopes);
    else if (ctx.trailer && options.db !== undefined && options.db !== false) ctx.warnings.push(TOO_LARGE_FOR_DB);
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
    const trailer = ctx.trailer;
    if (trailer && !trailer.complete) {
      const reason = trailer.interruption?.reason ?? 'unknown reason';
      process.stderr.write(
        `\nThe scan stopped early (${reason}). What was collected is in ${options.out}; missing data is reported as UNKNOWN. ` +
          `Finish it with \`ftr scan --resume ${options.out}\` (same options): only the accounts not finished are collected.\n`,
      );
      return interrupt.signal.aborted ? EXIT.interrupted : EXIT.incomplete;
    }
    if (options.failOn !== undefined && openFailsAtOrAbove(ctx.openFailSeverities, options.failOn) > 0) {
      process.stderr.write(`\n${openFailsAtOrAbove(ctx.openFailSeverities, options.failOn)} failing finding(s) of severity ${options.failOn} or worse (--fail-on).\n`);
      return EXIT.failingFindings;
    }
    return EXIT.ok;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}
