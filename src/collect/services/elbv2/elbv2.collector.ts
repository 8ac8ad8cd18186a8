import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the elbv2 collector lands: collects nothing. */
export const elbv2Collector = defineRegionalCollector({
  service: 'elbv2',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
