import { defineGlobalCollector } from '../../collector.js';

/** Placeholder until the support collector lands: collects nothing. */
export const supportCollector = defineGlobalCollector({
  service: 'support',
  scope: 'global',
  operations: [],
  collect: () => Promise.resolve({}),
});
