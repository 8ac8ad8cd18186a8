import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the secrets collector lands: collects nothing. */
export const secretsCollector = defineRegionalCollector({
  service: 'secrets',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
