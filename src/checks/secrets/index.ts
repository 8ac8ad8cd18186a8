import type { CheckDefinition } from '../../core/check.js';

/** The secrets checks. */
export const secretsChecks: readonly CheckDefinition[] = [];
