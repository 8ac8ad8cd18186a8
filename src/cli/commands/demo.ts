/**
 * `ftr demo`: with no AWS credentials, evaluate the bundled sample snapshot (a scan of an emulated
 * Organization made by this scanner) so a new user sees a real assessment straight away.
 */
import { fileURLToPath } from 'node:url';
import type { DeliveryCategory, Framework } from '../../core/framework.js';
import { EXIT } from '../../core/errors.js';
import { readSnapshot } from '../../io/snapshot-file.js';
import { formatSummary } from '../summary.js';
import { assess, writeAssessment } from '../write-assessment.js';

export const SAMPLE_SNAPSHOT_PATH = fileURLToPath(new URL('../../../samples/sample-org.snapshot.json.gz', import.meta.url));

export interface DemoCommandOptions {
  readonly framework: Framework;
  readonly delivery: DeliveryCategory;
  readonly out: string | undefined;
}

export async function demoCommand(options: DemoCommandOptions): Promise<number> {
  const snapshot = await readSnapshot(SAMPLE_SNAPSHOT_PATH);
  const assessment = assess(snapshot, { framework: options.framework, delivery: options.delivery });
  process.stdout.write(
    `ftr-ready demo: evaluating the bundled sample scan (${SAMPLE_SNAPSHOT_PATH}),\n` +
      `an emulated AWS Organization of ${snapshot.accounts.length} accounts scanned by this tool on ${snapshot.finishedAt}.\n\n`,
  );
  process.stdout.write(`${formatSummary(assessment)}\n`);
  if (options.out) {
    const path = await writeAssessment(options.out, assessment);
    process.stdout.write(`\nAssessment written to ${path}\n`);
  }
  process.stdout.write(
    '\nTo scan your own AWS account: configure read-only credentials (see policies/ftr-scanner-policy.json) and run\n' +
      '  npx ftr scan                 # the account of your default credentials, every enabled region\n' +
      '  npx ftr scan --org --role-name FtrReadOnly   # every account of your Organization\n',
  );
  return EXIT.ok;
}
