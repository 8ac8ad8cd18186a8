/**
 * `--fail-on <severity>`: exit 1 when an assessment has an unsuppressed FAIL finding of that severity or
 * worse, so a pipeline can gate on posture. "Could not see" (UNKNOWN) never trips it; exit 4 covers that.
 */
import type { Assessment } from '../core/assessment.js';
import { UserError } from '../core/errors.js';
import { SEVERITIES, type Severity } from '../core/finding.js';

export function parseSeverity(value: string): Severity {
  const found = SEVERITIES.find((s) => s === value);
  if (!found) throw new UserError(`Unknown severity "${value}" for --fail-on. Use one of: ${SEVERITIES.join(', ')}.`);
  return found;
}

/** The failing findings at or above `threshold` (severities are ordered critical first). */
export function findingsAtOrAbove(assessments: readonly Assessment[], threshold: Severity): number {
  const limit = SEVERITIES.indexOf(threshold);
  return assessments
    .flatMap((a) => a.findings)
    .filter((f) => f.status === 'FAIL' && !f.suppression && SEVERITIES.indexOf(f.severity) <= limit).length;
}
