import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the rds collector lands: collects nothing. */
export const rdsCollector = defineRegionalCollector({
  service: 'rds',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
