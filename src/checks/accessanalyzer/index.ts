import type { CheckDefinition } from '../../core/check.js';

/** The accessanalyzer checks. */
export const accessanalyzerChecks: readonly CheckDefinition[] = [];
