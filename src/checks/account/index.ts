import type { CheckDefinition } from '../../core/check.js';

/** The account checks. */
export const accountChecks: readonly CheckDefinition[] = [];
