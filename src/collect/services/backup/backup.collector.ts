import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the backup collector lands: collects nothing. */
export const backupCollector = defineRegionalCollector({
  service: 'backup',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
