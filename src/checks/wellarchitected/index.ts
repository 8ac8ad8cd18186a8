import type { CheckDefinition } from '../../core/check.js';

/** The wellarchitected checks. */
export const wellarchitectedChecks: readonly CheckDefinition[] = [];
