import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the guardduty collector lands: collects nothing. */
export const guarddutyCollector = defineRegionalCollector({
  service: 'guardduty',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
