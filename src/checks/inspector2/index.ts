import type { CheckDefinition } from '../../core/check.js';
import { inspector2IsEnabled } from './inspector2-is-enabled.js';

/** The inspector2 checks. */
export const inspector2Checks: readonly CheckDefinition[] = [inspector2IsEnabled];
