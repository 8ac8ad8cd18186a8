import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SharedInFlight } from './shared-in-flight.js';

describe('SharedInFlight', () => {
  it('counts slots taken and given back through any view of the buffer, and keeps the highest count', () => {
    // Each step: which view (thread) takes (+1) or gives back (-1) a slot; a view gives back only what it took.
    const step = fc.record({ view: fc.integer({ min: 0, max: 2 }), take: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const coordinator = new SharedInFlight();
        const views = [0, 1, 2].map(() => new SharedInFlight(coordinator.buffer));
        const held = [0, 0, 0];
        let now = 0;
        let peak = 0;
        for (const s of steps) {
          if (!s.take && (held[s.view] ?? 0) === 0) continue;
          views[s.view]?.change(s.take ? 1 : -1);
          held[s.view] = (held[s.view] ?? 0) + (s.take ? 1 : -1);
          now += s.take ? 1 : -1;
          peak = Math.max(peak, now);
        }
        expect(coordinator.now).toBe(now);
        expect(coordinator.peak).toBe(peak);
      }),
    );
  });
});
