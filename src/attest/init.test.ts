import { describe, expect, it } from 'vitest';
import { DELIVERY_CATEGORIES } from '../core/framework.js';
import { FRAMEWORKS } from '../frameworks/index.js';
import { testFramework } from '../../test/helpers/framework-fixture.js';
import { renderStarterFile, starterItems } from './init.js';
import { parseAttestations } from './parse.js';

const NOW = '2026-03-15T00:00:00Z';

describe('renderStarterFile', () => {
  const cases = FRAMEWORKS.flatMap((framework) => DELIVERY_CATEGORIES.map((delivery) => [framework.id, delivery, framework] as const));

  it.each(cases)('%s / %s parses back and lists every applicable manual or partial item', (_id, delivery, framework) => {
    const text = renderStarterFile(framework, { delivery, scopeName: 'case-study-1' });
    const set = parseAttestations(text, 'ftr-attestations.yaml', { framework, now: NOW, delivery, scopeName: 'case-study-1' });
    const expected = framework.items
      .filter((i) => (i.automation === 'manual' || i.automation === 'partial') && !i.notPresentInSource && i.appliesTo.includes(delivery))
      .map((i) => i.id);
    expect(set.unanswered).toEqual(expected);
    expect(set.items).toEqual([]);
    expect(set.scope).toBe('case-study-1');
    expect(set.delivery).toBe(delivery);
  });

  it('puts gating questions first, then items with their question and expected evidence as comments', () => {
    const text = renderStarterFile(testFramework, { delivery: 'multi-tenant-saas' });
    expect(text.indexOf('gating:')).toBeLessThan(text.indexOf('items:'));
    expect(text).toContain('  # G-000: Do you touch customer accounts?');
    expect(text).toContain('  # If "no": G-001, G-002 do not apply.');
    expect(text).toContain('  # Question: Requirement of M-001.');
    expect(text).toContain('  # - When was the last game day? [date, file, url; within the last 12 months]');
    expect(text).toContain('  # Expires 12 months after "date".');
    expect(text).toContain('  # Not applicable if G-000 is answered "no".');
    expect(text).toContain('  "2.10":\n    answer: ""');
    expect(text).not.toContain('"A-001":');
    expect(text).not.toContain('"1.6":');
  });

  it('leaves out items of other delivery categories', () => {
    expect(starterItems(testFramework, 'customer-deployed').map((i) => i.id)).not.toContain('H-001');
    expect(starterItems(testFramework, 'managed-service').map((i) => i.id)).toContain('H-001');
  });

  it('a filled-in starter file parses with the answers', () => {
    const text = renderStarterFile(testFramework, { delivery: 'multi-tenant-saas' }).replace(
      '  "M-001":\n    answer: ""        # yes | no | not-applicable\n    justification: ""\n    owner: ""\n    date: ""',
      '  "M-001":\n    answer: yes\n    justification: "Game day"\n    owner: sre\n    date: 2026-01-05',
    );
    const set = parseAttestations(text, 'f.yaml', { framework: testFramework, now: NOW });
    expect(set.items.map((i) => i.itemId)).toEqual(['M-001']);
  });
});
