import type { CheckDefinition } from '../../core/check.js';

/** The operations checks. */
export const operationsChecks: readonly CheckDefinition[] = [];
