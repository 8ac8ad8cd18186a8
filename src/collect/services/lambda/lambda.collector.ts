import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the lambda collector lands: collects nothing. */
export const lambdaCollector = defineRegionalCollector({
  service: 'lambda',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
