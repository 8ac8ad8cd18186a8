/** `ftr evaluate SNAPSHOT`: re-run the evaluation offline, with no AWS access. */
import { dirname } from 'node:path';
import type { DeliveryCategory, Framework } from '../../core/framework.js';
import { EXIT } from '../../core/errors.js';
import { readSnapshot } from '../../io/snapshot-file.js';
import type { Severity } from '../../core/finding.js';
import { findingsAtOrAbove } from '../fail-on.js';
import { formatSummary } from '../summary.js';
import { assessAndWrite, findAttestationsFile, resolveScopes } from '../write-assessment.js';
import { writeReports } from './report.js';
import { recordRun } from '../record.js';
import type { DbOption } from '../store-access.js';

export interface EvaluateCommandOptions {
  readonly snapshotPath: string;
  readonly framework: Framework;
  readonly delivery: DeliveryCategory;
  readonly out: string | undefined;
  readonly attestationsFile: string | undefined;
  readonly scopeFile: string | undefined;
  readonly scopeName: string | undefined;
  readonly formats: string | undefined;
  readonly chromiumPath: string | undefined;
  /** Exit 1 when a FAIL of this severity or worse remains. */
  readonly failOn: Severity | undefined;
  /** `--db`: also record the snapshot and assessments in the workspace store. */
  readonly db?: DbOption;
}

export async function evaluateCommand(options: EvaluateCommandOptions): Promise<number> {
  const scopes = resolveScopes(options.scopeFile, options.scopeName);
  const snapshot = await readSnapshot(options.snapshotPath);
  const outDir = options.out ?? dirname(options.snapshotPath);
  const result = await assessAndWrite(snapshot, {
    framework: options.framework,
    delivery: options.delivery,
    attestationsFile: findAttestationsFile(options.attestationsFile, dirname(options.snapshotPath)),
    scopes,
    outDir,
  });
  for (const w of result.warnings) process.stderr.write(`Warning: ${w}\n`);
  for (const assessment of result.assessments) process.stdout.write(`${formatSummary(assessment)}\n\n`);
  const files = [...result.files];
  const [main, ...others] = result.assessments;
  if (options.formats !== undefined && main) {
    files.push(...(await writeReports({ assessment: main, caseStudies: others, formats: options.formats, outDir, chromiumPath: options.chromiumPath ?? null })));
  }
  process.stdout.write(`Written:\n${files.map((f) => `  ${f}`).join('\n')}\n`);
  await recordRun(options.db, snapshot, result.assessments, 'evaluate');
  const failing = options.failOn === undefined ? 0 : findingsAtOrAbove(result.assessments, options.failOn);
  if (failing > 0) {
    process.stderr.write(`${failing} failing finding(s) of severity ${String(options.failOn)} or worse (--fail-on).\n`);
    return EXIT.failingFindings;
  }
  return EXIT.ok;
}
