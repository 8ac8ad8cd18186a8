import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the cloudformation collector lands: collects nothing. */
export const cloudformationCollector = defineRegionalCollector({
  service: 'cloudformation',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
