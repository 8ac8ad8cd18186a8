import type { CheckDefinition } from '../../core/check.js';

/** The config checks. */
export const configChecks: readonly CheckDefinition[] = [];
