import type { CheckDefinition } from '../../core/check.js';

/** The inspector2 checks. */
export const inspector2Checks: readonly CheckDefinition[] = [];
