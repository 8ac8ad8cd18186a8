import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the cloudwatch collector lands: collects nothing. */
export const cloudwatchCollector = defineRegionalCollector({
  service: 'cloudwatch',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
