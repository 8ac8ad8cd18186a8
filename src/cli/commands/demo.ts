/**
 * `ftr demo`: with no AWS credentials, evaluate the bundled sample snapshot (a scan of an emulated
 * Organization made by this scanner) so a new user sees a real assessment straight away. It writes
 * assessment.json (and any --format reports) to --out, ./ftr-demo by default: a folder of its own, so the
 * sample never overwrites a real scan in ./ftr-out.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DeliveryCategory, Framework } from '../../core/framework.js';
import { EXIT } from '../../core/errors.js';
import { assertWritableDestination, prepareOutputDir } from '../../io/output-file.js';
import { readSnapshot } from '../../io/snapshot-file.js';
import { DEMO_OUT } from '../options.js';
import { formatSummary, terminalWidth } from '../summary.js';
import { assess, writeAssessment } from '../write-assessment.js';
import { preflightReports, writeReports } from './report.js';

export const SAMPLE_SNAPSHOT_PATH = fileURLToPath(new URL('../../../samples/sample-org.snapshot.json.gz', import.meta.url));
export { DEMO_OUT };

export interface DemoCommandOptions {
  readonly framework: Framework;
  readonly delivery: DeliveryCategory;
  readonly out: string | undefined;
  readonly formats: string | undefined;
  readonly chromiumPath: string | undefined;
  /** `--accessible-pdf`: a tagged PDF. */
  readonly accessiblePdf?: boolean;
}

export async function demoCommand(options: DemoCommandOptions): Promise<number> {
  const out = options.out ?? DEMO_OUT;
  const reports = await preflightReports(options.formats, options.chromiumPath, out, { accessible: options.accessiblePdf === true });
  await prepareOutputDir(out);
  await assertWritableDestination(join(out, 'assessment.json'));
  const snapshot = await readSnapshot(SAMPLE_SNAPSHOT_PATH);
  // The sample has no attestations (none is looked for): it shows what a first scan looks like.
  const { assessment } = assess(snapshot, { framework: options.framework, delivery: options.delivery, attestationsFile: null });
  process.stdout.write(
    `ftr-ready demo: evaluating the bundled sample scan (${SAMPLE_SNAPSHOT_PATH}),\n` +
      `an emulated AWS Organization of ${snapshot.accounts.length} accounts scanned by this tool on ${snapshot.finishedAt}.\n\n`,
  );
  const assessmentFile = await writeAssessment(out, assessment);
  const files = [assessmentFile];
  process.stdout.write(`${formatSummary(assessment, { file: assessmentFile, width: terminalWidth() })}\n`);
  if (reports.formats.length > 0) {
    files.push(...(await writeReports({ assessment, formats: reports.formats, outDir: out, chromiumPath: reports.chromiumPath, accessiblePdf: reports.accessiblePdf })));
  }
  process.stdout.write(`\nWritten:\n${files.map((f) => `  ${f}`).join('\n')}\n`);
  process.stdout.write(
    '\nTo scan your own AWS account: configure read-only credentials (see docs/permissions.md) and run\n' +
      '  ftr scan                 # the account of your default credentials, every enabled region\n' +
      '  ftr scan --org --role-name FtrReadOnly   # every account of your Organization\n' +
      `Reports of this sample: ftr report ${join(out, 'assessment.json')} --out ${out}\n`,
  );
  return EXIT.ok;
}
