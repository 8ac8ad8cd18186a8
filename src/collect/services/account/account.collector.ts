import { defineGlobalCollector } from '../../collector.js';

/** Placeholder until the account collector lands: collects nothing. */
export const accountCollector = defineGlobalCollector({
  service: 'account',
  scope: 'global',
  operations: [],
  collect: () => Promise.resolve({}),
});
