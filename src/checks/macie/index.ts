import type { CheckDefinition } from '../../core/check.js';
import { macieIsEnabled } from './macie-is-enabled.js';

/** The macie checks. */
export const macieChecks: readonly CheckDefinition[] = [macieIsEnabled];
