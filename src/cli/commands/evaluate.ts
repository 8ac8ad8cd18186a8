/** `ftr evaluate SNAPSHOT`: re-run the evaluation offline, with no AWS access. */
import { dirname } from 'node:path';
import type { DeliveryCategory, Framework } from '../../core/framework.js';
import { EXIT } from '../../core/errors.js';
import { readSnapshot } from '../../io/snapshot-file.js';
import { formatSummary } from '../summary.js';
import { assess, writeAssessment } from '../write-assessment.js';

export interface EvaluateCommandOptions {
  readonly snapshotPath: string;
  readonly framework: Framework;
  readonly delivery: DeliveryCategory;
  readonly out: string | undefined;
}

export async function evaluateCommand(options: EvaluateCommandOptions): Promise<number> {
  const snapshot = await readSnapshot(options.snapshotPath);
  const assessment = assess(snapshot, { framework: options.framework, delivery: options.delivery });
  const path = await writeAssessment(options.out ?? dirname(options.snapshotPath), assessment);
  process.stdout.write(`${formatSummary(assessment)}\n\nAssessment written to ${path}\n`);
  return EXIT.ok;
}
