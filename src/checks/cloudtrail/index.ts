import type { CheckDefinition } from '../../core/check.js';

/** The cloudtrail checks. */
export const cloudtrailChecks: readonly CheckDefinition[] = [];
