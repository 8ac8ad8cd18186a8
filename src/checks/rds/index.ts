import type { CheckDefinition } from '../../core/check.js';

/** The rds checks. */
export const rdsChecks: readonly CheckDefinition[] = [];
