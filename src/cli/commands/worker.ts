/**
 * `ftr worker --db postgres://...`: one worker of queued scans (`ftr scan --org --queue`). It takes account
 * units from the queue, collects each with this machine's credentials and stores the shard, until Ctrl-C /
 * SIGTERM; the units it had in progress go back to the queue (docs/decisions/0011).
 */
import { EXIT } from '../../core/errors.js';
import { runQueueWorker } from '../../collect/workers/queue-worker.js';
import { openQueue, requirePostgresUrl, unitShardStore } from '../queue-store.js';
import { boundHeapGrowth } from '../heap-growth.js';

export interface WorkerCommandOptions {
  readonly db: string | undefined;
  readonly units: number;
  readonly profile: string | undefined;
  readonly externalId: string | undefined;
}

export async function workerCommand(options: WorkerCommandOptions): Promise<number> {
  boundHeapGrowth();
  const url = requirePostgresUrl('ftr worker --db', options.db ?? process.env.FTR_DB);
  const queue = await openQueue(url);
  const stop = new AbortController();
  const onSignal = () => {
    process.stderr.write('Stopping: the units in progress go back to the queue.\n');
    stop.abort('worker stopped');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    process.stderr.write(`ftr worker: taking scan units from ${queue.store.description} (${options.units} at a time)\n`);
    const counts = await runQueueWorker({
      boss: queue.boss,
      store: unitShardStore(queue.store),
      units: options.units,
      profile: options.profile,
      externalId: options.externalId ?? process.env.FTR_EXTERNAL_ID,
      signal: stop.signal,
      log: (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
    });
    process.stderr.write(`ftr worker: ${counts.stored} unit(s) stored, ${counts.skipped} already stored, ${counts.failed} failed\n`);
    return EXIT.ok;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await queue.close();
  }
}
