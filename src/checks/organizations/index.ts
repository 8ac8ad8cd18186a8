import type { CheckDefinition } from '../../core/check.js';

/** The organizations checks. */
export const organizationsChecks: readonly CheckDefinition[] = [];
