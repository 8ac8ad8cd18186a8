import { defineGlobalCollector } from '../../collector.js';

/** Placeholder until the costs collector lands: collects nothing. */
export const costsCollector = defineGlobalCollector({
  service: 'costs',
  scope: 'global',
  operations: [],
  collect: () => Promise.resolve({}),
});
