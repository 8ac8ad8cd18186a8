import { defineGlobalCollector } from '../../collector.js';

/** Placeholder until the iam collector lands: collects nothing. */
export const iamCollector = defineGlobalCollector({
  service: 'iam',
  scope: 'global',
  operations: [],
  collect: () => Promise.resolve({}),
});
