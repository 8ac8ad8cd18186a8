import type { CheckDefinition } from '../../core/check.js';

/** The dynamodb checks. */
export const dynamodbChecks: readonly CheckDefinition[] = [];
