import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the accessanalyzer collector lands: collects nothing. */
export const accessanalyzerCollector = defineRegionalCollector({
  service: 'accessanalyzer',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
