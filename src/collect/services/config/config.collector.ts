import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the config collector lands: collects nothing. */
export const configCollector = defineRegionalCollector({
  service: 'config',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
