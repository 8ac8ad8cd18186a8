import type { CheckDefinition } from '../../core/check.js';

/** The iam checks. */
export const iamChecks: readonly CheckDefinition[] = [];
