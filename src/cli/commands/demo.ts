/**
 * `ftr demo`: with no AWS credentials, evaluate the bundled sample snapshot (a scan of an emulated
 * Organization made by this scanner) so a new user sees a real assessment straight away.
 */
import { fileURLToPath } from 'node:url';
import type { DeliveryCategory, Framework } from '../../core/framework.js';
import { EXIT } from '../../core/errors.js';
import { readSnapshot } from '../../io/snapshot-file.js';
import { formatSummary, terminalWidth } from '../summary.js';
import { assess, writeAssessment } from '../write-assessment.js';
import { writeReports } from './report.js';

export const SAMPLE_SNAPSHOT_PATH = fileURLToPath(new URL('../../../samples/sample-org.snapshot.json.gz', import.meta.url));

export interface DemoCommandOptions {
  readonly framework: Framework;
  readonly delivery: DeliveryCategory;
  readonly out: string | undefined;
  readonly formats: string | undefined;
  readonly chromiumPath: string | undefined;
}

export async function demoCommand(options: DemoCommandOptions): Promise<number> {
  const snapshot = await readSnapshot(SAMPLE_SNAPSHOT_PATH);
  // The sample has no attestations: it shows what a first scan looks like.
  const { assessment } = assess(snapshot, { framework: options.framework, delivery: options.delivery, attestationsFile: undefined });
  process.stdout.write(
    `ftr-ready demo: evaluating the bundled sample scan (${SAMPLE_SNAPSHOT_PATH}),\n` +
      `an emulated AWS Organization of ${snapshot.accounts.length} accounts scanned by this tool on ${snapshot.finishedAt}.\n\n`,
  );
  const width = terminalWidth();
  const out = options.out ?? (options.formats !== undefined ? './ftr-demo' : undefined);
  // The summary names the assessment file only when one is written.
  const assessmentFile = out !== undefined ? await writeAssessment(out, assessment) : null;
  process.stdout.write(`${formatSummary(assessment, { file: assessmentFile, width })}\n`);
  if (out !== undefined && assessmentFile !== null) {
    const files = [assessmentFile];
    if (options.formats !== undefined) {
      files.push(...(await writeReports({ assessment, formats: options.formats, outDir: out, chromiumPath: options.chromiumPath ?? null })));
    }
    process.stdout.write(`\nWritten:\n${files.map((f) => `  ${f}`).join('\n')}\n`);
  }
  process.stdout.write(
    '\nTo scan your own AWS account: configure read-only credentials (see docs/permissions.md) and run\n' +
      '  npx ftr scan                 # the account of your default credentials, every enabled region\n' +
      '  npx ftr scan --org --role-name FtrReadOnly   # every account of your Organization\n' +
      'Reports of this sample: npx ftr demo --format html,pdf,xlsx,md,csv,json --out ./ftr-demo\n',
  );
  return EXIT.ok;
}
