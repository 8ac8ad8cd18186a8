import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the macie collector lands: collects nothing. */
export const macieCollector = defineRegionalCollector({
  service: 'macie',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
