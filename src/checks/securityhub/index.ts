import type { CheckDefinition } from '../../core/check.js';
import { securityhubEnabled } from './securityhub-enabled.js';

/** The securityhub checks. */
export const securityhubChecks: readonly CheckDefinition[] = [securityhubEnabled];
