import type { CheckDefinition } from '../../core/check.js';

/** The macie checks. */
export const macieChecks: readonly CheckDefinition[] = [];
