import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the logs collector lands: collects nothing. */
export const logsCollector = defineRegionalCollector({
  service: 'logs',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
