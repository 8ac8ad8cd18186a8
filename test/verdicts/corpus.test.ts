/**
 * The verdict corpus (issue 7 §4): every scenario of every checklist area, evaluated with the real checks
 * and the real verdict engine on snapshot slices shaped like AWS's answers; the coverage meta-test; and the
 * issue's two "Done when" properties on whole catalogs. One test file, so the memoised checks and the IAM
 * policy simulator's worker are shared. See test/verdicts/README.md.
 */
import { describe, expect, it } from 'vitest';
import { checkScenario } from './check-scenario.js';
import { describeCoverage } from './coverage.js';
import { describeDoneWhen } from './done-when.js';
import { describeScenario, expectedVerdict } from './scenario.js';
import { AREAS } from './scenarios/index.js';

for (const [area, scenarios] of Object.entries(AREAS)) {
  describe(`area: ${area}`, () => {
    for (const scenario of scenarios) {
      it(`${scenario.framework} ${describeScenario(scenario)}`, () => {
        expect(checkScenario(scenario)).toBe(expectedVerdict(scenario.kind));
      });
    }
  });
}

describeCoverage();
describeDoneWhen();
