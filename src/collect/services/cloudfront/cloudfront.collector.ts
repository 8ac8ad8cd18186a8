import { defineGlobalCollector } from '../../collector.js';

/** Placeholder until the cloudfront collector lands: collects nothing. */
export const cloudfrontCollector = defineGlobalCollector({
  service: 'cloudfront',
  scope: 'global',
  operations: [],
  collect: () => Promise.resolve({}),
});
