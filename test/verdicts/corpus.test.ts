/**
 * The verdict corpus (issue 7 §4): every scenario of every checklist area, evaluated with the real checks
 * and the real verdict engine on snapshot slices shaped like AWS's answers. See test/verdicts/README.md.
 */
import { describe, it } from 'vitest';
import { checkScenario } from './check-scenario.js';
import { describeScenario } from './scenario.js';
import { AREAS } from './scenarios/index.js';

for (const [area, scenarios] of Object.entries(AREAS)) {
  describe(area, () => {
    it.each(scenarios.map((s) => [`${s.framework} ${describeScenario(s)}`, s] as const))('%s', (_name, scenario) => {
      checkScenario(scenario);
    });
  });
}
