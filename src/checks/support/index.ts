import type { CheckDefinition } from '../../core/check.js';

/** The support checks. */
export const supportChecks: readonly CheckDefinition[] = [];
