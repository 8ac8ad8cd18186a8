import type { CheckDefinition } from '../../core/check.js';
import { dynamodbTablePitrEnabled } from './dynamodb-table-pitr-enabled.js';

/** The dynamodb checks. */
export const dynamodbChecks: readonly CheckDefinition[] = [dynamodbTablePitrEnabled];
