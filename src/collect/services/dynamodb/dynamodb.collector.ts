import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the dynamodb collector lands: collects nothing. */
export const dynamodbCollector = defineRegionalCollector({
  service: 'dynamodb',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
