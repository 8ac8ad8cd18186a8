import type { CheckDefinition } from '../../core/check.js';

/** The securityhub checks. */
export const securityhubChecks: readonly CheckDefinition[] = [];
