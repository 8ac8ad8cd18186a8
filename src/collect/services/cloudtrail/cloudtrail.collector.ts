import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the cloudtrail collector lands: collects nothing. */
export const cloudtrailCollector = defineRegionalCollector({
  service: 'cloudtrail',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
