import type { CheckDefinition } from '../../core/check.js';

/** The cloudfront checks. */
export const cloudfrontChecks: readonly CheckDefinition[] = [];
