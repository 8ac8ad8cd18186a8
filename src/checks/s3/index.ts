import type { CheckDefinition } from '../../core/check.js';

/** The s3 checks. */
export const s3Checks: readonly CheckDefinition[] = [];
