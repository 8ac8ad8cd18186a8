import type { CheckDefinition } from '../../core/check.js';

/** The ec2 checks. */
export const ec2Checks: readonly CheckDefinition[] = [];
