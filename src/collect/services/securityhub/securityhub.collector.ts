import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the securityhub collector lands: collects nothing. */
export const securityhubCollector = defineRegionalCollector({
  service: 'securityhub',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
