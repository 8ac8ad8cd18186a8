import type { CheckDefinition } from '../../core/check.js';

/** The elbv2 checks. */
export const elbv2Checks: readonly CheckDefinition[] = [];
