import type { CheckDefinition } from '../../core/check.js';

/** The kms checks. */
export const kmsChecks: readonly CheckDefinition[] = [];
