import { defineRegionalCollector } from '../../collector.js';

/** Placeholder until the codepipeline collector lands: collects nothing. */
export const codepipelineCollector = defineRegionalCollector({
  service: 'codepipeline',
  scope: 'regional',
  operations: [],
  collect: () => Promise.resolve({}),
});
