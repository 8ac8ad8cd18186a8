import type { CheckDefinition } from '../../core/check.js';
import { kmsCmkRotationEnabled } from './kms-cmk-rotation-enabled.js';

/** The kms checks (SDAT-002). */
export const kmsChecks: readonly CheckDefinition[] = [kmsCmkRotationEnabled];
