import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the autoscaling collector lands: collects nothing. */
export const autoscalingCollector = defineRegionalCollector({
  service: 'autoscaling',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
