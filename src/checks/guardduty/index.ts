import type { CheckDefinition } from '../../core/check.js';
import { guarddutyIsEnabled } from './guardduty-is-enabled.js';

/** The guardduty checks. */
export const guarddutyChecks: readonly CheckDefinition[] = [guarddutyIsEnabled];
