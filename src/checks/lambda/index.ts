import type { CheckDefinition } from '../../core/check.js';

/** The lambda checks. */
export const lambdaChecks: readonly CheckDefinition[] = [];
