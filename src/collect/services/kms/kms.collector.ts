import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the kms collector lands: collects nothing. */
export const kmsCollector = defineRegionalCollector({
  service: 'kms',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
