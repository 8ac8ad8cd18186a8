/**
 * A dashboard scan job in a process of its own, for test/e2e/scan-job-crash.e2e.test.ts: the real job
 * runner (src/serve/jobs.ts) and the real collection against the moto endpoint of its environment. Once the
 * first account's shard is in the job folder it prints `shard <account id>` and holds, so the parent can
 * SIGKILL it at a known point (no timing guesses).
 *
 *   node --import tsx test/helpers/scan-job-child.ts <sqlite file> <jobs folder> <role name>
 */
import type { ScanRunner } from '../../src/serve/jobs.js';

// The compiled modules when the parent says dist/ is current (CI builds it): loading them costs a fraction of transpiling.
const root = process.env.FTR_CHILD_DIST === '1' ? '../../dist' : '../../src';
const { runScanToSink } = (await import(`${root}/collect/run-collection.js`)) as typeof import('../../src/collect/run-collection.js');
const { ScanJobs } = (await import(`${root}/serve/jobs.js`)) as typeof import('../../src/serve/jobs.js');
const { openStore } = (await import(`${root}/store/db.js`)) as typeof import('../../src/store/db.js');

const [file, folder, roleName] = process.argv.slice(2);
if (file === undefined || folder === undefined || roleName === undefined) throw new Error('usage: scan-job-child.ts <sqlite file> <jobs folder> <role name>');

/** A few services keep the test short; the collection is otherwise the one `ftr scan` runs. */
const CRASH_TEST_SERVICES = ['iam', 'ec2', 's3'];

const holdAfterFirstShard: ScanRunner = (options, sink) =>
  runScanToSink({ ...options, services: CRASH_TEST_SERVICES }, {
    start: (header) => sink.start(header),
    async account(shard) {
      await sink.account(shard);
      process.stdout.write(`shard ${shard.account.accountId}\n`);
      // Held until the parent kills this process (the interval keeps the event loop alive).
      await new Promise<never>(() => setInterval(() => undefined, 1_000));
    },
  });

const store = await openStore({ engine: 'sqlite', file });
const jobs = new ScanJobs(store, { folder, runner: holdAfterFirstShard });
const job = await jobs.start(
  // One thread: the runner above limits the services, which worker threads (built from the job's options) would not see.
  { org: true, roleName, regions: ['us-east-1'], frameworkId: 'ftr-partner-hosted', delivery: 'multi-tenant-saas', concurrency: 4, maxAttempts: 2, workers: 1 },
  { userId: null, label: 'crash-test' },
);
process.stdout.write(`job ${job.id}\n`);
