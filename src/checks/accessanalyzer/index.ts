import type { CheckDefinition } from '../../core/check.js';
import { accessanalyzerEnabled } from './accessanalyzer-enabled.js';

/** The accessanalyzer checks. */
export const accessanalyzerChecks: readonly CheckDefinition[] = [accessanalyzerEnabled];
