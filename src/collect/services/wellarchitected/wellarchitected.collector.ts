import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the wellarchitected collector lands: collects nothing. */
export const wellarchitectedCollector = defineRegionalCollector({
  service: 'wellarchitected',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
