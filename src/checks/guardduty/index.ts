import type { CheckDefinition } from '../../core/check.js';

/** The guardduty checks. */
export const guarddutyChecks: readonly CheckDefinition[] = [];
