/** `ftr evaluate SNAPSHOT`: re-run the evaluation offline, with no AWS access. */
import { dirname, join } from 'node:path';
import type { DeliveryCategory, Framework } from '../../core/framework.js';
import { EXIT } from '../../core/errors.js';
import type { Severity } from '../../core/finding.js';
import { assertWritableDestination, prepareOutputDir } from '../../io/output-file.js';
import { openSnapshot, readSnapshot } from '../../io/snapshot-file.js';
import { formatNextSteps, formatSummary, terminalWidth } from '../summary.js';
import { announceAttestations, assessAndWrite, assessmentFileName, resolveAttestations, resolveScopes, openFailsAtOrAbove, TOO_LARGE_FOR_DB, TOO_LARGE_FOR_REPORTS } from '../write-assessment.js';
import { DEFAULT_OUT } from '../options.js';
import { preflightReports, writeReports } from './report.js';

import { recordRun } from '../record.js';
import type { DbOption } from '../store-access.js';

export interface EvaluateCommandOptions {
  readonly snapshotPath: string;
  readonly framework: Framework;
  readonly delivery: DeliveryCategory;
  readonly out: string | undefined;
  /** `--attestations <file>`, false for `--no-attestations`, undefined to look for one. */
  readonly attestationsFile: string | false | undefined;
  readonly scopeFile: string | undefined;
  readonly scopeName: string | undefined;
  /** `--evidence-root`: more folders attestation evidence files may be in. */
  readonly evidenceRoots?: readonly string[] | undefined;
  readonly formats: string | undefined;
  readonly chromiumPath: string | undefined;
  /** `--accessible-pdf`: a tagged PDF. */
  readonly accessiblePdf?: boolean;
  /** Exit 1 when a FAIL of this severity or worse remains. */
  readonly failOn: Severity | undefined;
  /** `--db`: also record the snapshot and assessments in the workspace store. */
  readonly db?: DbOption;
}

export async function evaluateCommand(options: EvaluateCommandOptions): Promise<number> {
  const outDir = options.out ?? DEFAULT_OUT;
  const scopes = resolveScopes(options.scopeFile, options.scopeName);
  const reports = await preflightReports(options.formats, options.chromiumPath, outDir, { accessible: options.accessiblePdf === true });
  // Read account by account (either snapshot format); every record is validated before it is evaluated.
  const source = await openSnapshot(options.snapshotPath);
  await prepareOutputDir(outDir);
  for (const scope of scopes) await assertWritableDestination(join(outDir, assessmentFileName(scope, scopes.length > 1)));
  const attestations = resolveAttestations({
    option: options.attestationsFile,
    besideDir: dirname(options.snapshotPath),
    besideLabel: 'the snapshot’s folder',
    framework: options.framework,
    delivery: options.delivery,
    scopes,
    evidenceRoots: options.evidenceRoots,
  });
  announceAttestations(attestations);
  const result = await assessAndWrite(source, {
    framework: options.framework,
    delivery: options.delivery,
    attestationsFile: attestations.file,
    evidenceRoots: options.evidenceRoots,
    scopes,
    outDir,
  });
  for (const w of result.warnings) process.stderr.write(`Warning: ${w}\n`);
  const width = terminalWidth();
  result.assessments.forEach((assessment, n) => {
    process.stdout.write(`${formatSummary(assessment, { file: result.files[n] ?? null, multiScope: result.assessments.length > 1, width })}\n\n`);
  });
  const files = [...result.files];
  const [main, ...others] = result.assessments;
  if (!result.findingsInMemory && reports.formats.length > 0) process.stderr.write(`Warning: ${TOO_LARGE_FOR_REPORTS}\n`);
  else if (reports.formats.length > 0 && main) {
    files.push(...(await writeReports({ assessment: main, caseStudies: others, formats: reports.formats, outDir, chromiumPath: reports.chromiumPath, accessiblePdf: reports.accessiblePdf })));
  }
  process.stdout.write(`Written:\n${files.map((f) => `  ${f}`).join('\n')}\n`);
  const next = formatNextSteps(result.assessments, {
    command: 'evaluate',
    snapshotPath: options.snapshotPath,
    files: result.files,
    reportsWritten: options.formats !== undefined,
    width,
  });
  if (next !== '') process.stdout.write(`\n${next}\n`);
  if (result.findingsInMemory) await recordRun(options.db, () => readSnapshot(options.snapshotPath), result.assessments, 'evaluate', scopes);
  else if (options.db !== undefined && options.db !== false) process.stderr.write(`Warning: ${TOO_LARGE_FOR_DB}\n`);
  const failing = options.failOn === undefined ? 0 : openFailsAtOrAbove(result.openFailSeverities, options.failOn);
  if (failing > 0) {
    process.stderr.write(`${failing} failing finding(s) of severity ${String(options.failOn)} or worse (--fail-on).\n`);
    return EXIT.failingFindings;
  }
  return EXIT.ok;
}
