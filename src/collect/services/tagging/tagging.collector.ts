import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the tagging collector lands: collects nothing. */
export const taggingCollector = defineRegionalCollector({
  service: 'tagging',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
