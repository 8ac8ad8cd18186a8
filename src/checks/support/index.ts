import type { CheckDefinition } from '../../core/check.js';
import { supportBusinessPlanEnabled } from './support-business-plan-enabled.js';

/** The support checks. */
export const supportChecks: readonly CheckDefinition[] = [supportBusinessPlanEnabled];
