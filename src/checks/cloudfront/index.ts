import type { CheckDefinition } from '../../core/check.js';
import { cloudfrontDistributionHttpsOnly } from './cloudfront-distribution-https-only.js';

/** The cloudfront checks (SDAT-003). */
export const cloudfrontChecks: readonly CheckDefinition[] = [cloudfrontDistributionHttpsOnly];
