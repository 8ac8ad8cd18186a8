import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the inspector2 collector lands: collects nothing. */
export const inspector2Collector = defineRegionalCollector({
  service: 'inspector2',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
