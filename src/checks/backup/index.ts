import type { CheckDefinition } from '../../core/check.js';

/** The backup checks. */
export const backupChecks: readonly CheckDefinition[] = [];
