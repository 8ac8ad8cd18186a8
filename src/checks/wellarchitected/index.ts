import type { CheckDefinition } from '../../core/check.js';
import { wellarchitectedNoHighRisksInCorePillars } from './wellarchitected-no-high-risks-in-core-pillars.js';
import { wellarchitectedWorkloadReviewedWithin12Months } from './wellarchitected-workload-reviewed-within-12-months.js';

/** The wellarchitected checks. */
export const wellarchitectedChecks: readonly CheckDefinition[] = [
  wellarchitectedWorkloadReviewedWithin12Months,
  wellarchitectedNoHighRisksInCorePillars,
];
