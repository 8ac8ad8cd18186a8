import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the ec2 collector lands: collects nothing. */
export const ec2Collector = defineRegionalCollector({
  service: 'ec2',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
