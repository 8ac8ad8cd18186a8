import { defineGlobalCollector } from '../../collector.js';

/** Placeholder until the s3 collector lands: collects nothing. */
export const s3Collector = defineGlobalCollector({
  service: 's3',
  scope: 'global',
  operations: [],
  collect: () => Promise.resolve({}),
});
