import { describe, expect, it } from 'vitest';
import type { Framework, FrameworkItem } from '../core/framework.js';
import { FRAMEWORKS } from './index.js';
import { frameworkSchema, validateFramework } from './schema.js';

const HOSTED = ['multi-tenant-saas', 'single-tenant-saas', 'managed-service'] as const;
const REQUIRED = { id: 'iam_root_mfa_enabled', role: 'required', rationale: 'The item asks for exactly this.' } as const;
const EVIDENCE = { id: 'iam_root_mfa_enabled', role: 'evidence', rationale: 'One accepted way.' } as const;
const ADVISORY = { id: 'iam_root_mfa_enabled', role: 'advisory', rationale: 'Hardening beyond the item.' } as const;

function anItem(overrides: Partial<FrameworkItem> = {}): FrameworkItem {
  return {
    id: 'X-001',
    title: 'An item',
    section: 'X',
    requirement: 'Something is true.',
    automation: 'partial',
    checks: [{ id: 'iam_root_mfa_enabled', role: 'required', rationale: 'The item asks for exactly this.' }],
    appliesTo: HOSTED,
    evidence: [{ id: 'X-001/e', prompt: 'Show it.', accepts: ['text'] }],
    ...overrides,
  };
}

function aFramework(overrides: Partial<Framework> = {}): Framework {
  return {
    id: 'test-framework',
    title: 'Test',
    version: '2025-01',
    checklistVersion: '1',
    releaseDate: '2025-01-31',
    source: 'test',
    sections: [{ id: 'X', title: 'Section X', reportArea: 'Hosting' }],
    gatingQuestions: [],
    items: [anItem()],
    ...overrides,
  };
}

function problems(framework: unknown): string[] {
  return frameworkSchema.safeParse(framework).error?.issues.map((issue) => issue.message) ?? [];
}

describe('frameworkSchema', () => {
  it.each(FRAMEWORKS.map((framework) => [framework.id, framework] as const))('accepts the %s catalog', (_id, framework) => {
    expect(problems(framework)).toEqual([]);
    expect(validateFramework(framework)).toBe(framework);
  });

  it('accepts a minimal valid catalog', () => {
    expect(problems(aFramework())).toEqual([]);
  });

  it('accepts a manual item with advisory checks only, and an evidence check with alternatives', () => {
    expect(problems(aFramework({ items: [anItem({ automation: 'manual', checks: [ADVISORY] })] }))).toEqual([]);
    expect(problems(aFramework({ items: [anItem({ checks: [EVIDENCE], alternatives: [{ way: 'Another way', how: 'attest it.' }] })] }))).toEqual([]);
  });

  it.each<[string, Framework, RegExp]>([
    ['duplicate item ids', aFramework({ items: [anItem(), anItem({ evidence: [{ id: 'X-001/f', prompt: 'p', accepts: ['text'] }] })] }), /duplicate item id X-001/],
    ['unknown section', aFramework({ items: [anItem({ section: 'NOPE' })] }), /unknown section NOPE/],
    ['gate naming an unknown item', aFramework({ gatingQuestions: [{ id: 'X-000', question: 'q?', gates: ['X-999'] }] }), /gates unknown item X-999/],
    ['gatedBy naming an unknown question', aFramework({ items: [anItem({ gatedBy: 'X-000' })] }), /gated by unknown question X-000/],
    [
      'gate and gatedBy disagreeing',
      aFramework({ gatingQuestions: [{ id: 'X-000', question: 'q?', gates: ['X-001'] }] }),
      /X-001 is gated by X-000 but its gatedBy is unset/,
    ],
    ['duplicate evidence ids', aFramework({ items: [anItem(), anItem({ id: 'X-002' })] }), /duplicate evidence request id X-001\/e/],
    ['a malformed check id', aFramework({ items: [anItem({ checks: [{ id: 'IAM Root MFA', role: 'required', rationale: 'r' }] })] }), /service_resource_property/],
    ['an unknown role', aFramework({ items: [anItem({ checks: [{ id: 'iam_root_mfa_enabled', role: 'optional' as never, rationale: 'r' }] })] }), /required|evidence|advisory/],
    ['a rationale on two lines', aFramework({ items: [anItem({ checks: [{ id: 'iam_root_mfa_enabled', role: 'required', rationale: 'a\nb' }] })] }), /one line/],
    ['a check listed twice', aFramework({ items: [anItem({ checks: [EVIDENCE, EVIDENCE], alternatives: [{ way: 'a', how: 'b' }] })] }), /lists check iam_root_mfa_enabled twice/],
    ['an evidence check without alternatives', aFramework({ items: [anItem({ checks: [EVIDENCE] })] }), /lists no alternatives/],
    ['a long way', aFramework({ items: [anItem({ checks: [EVIDENCE], alternatives: [{ way: 'x'.repeat(101), how: 'b' }] })] }), /a way is a short phrase/],
    ['auto item asking for evidence', aFramework({ items: [anItem({ automation: 'auto' })] }), /must not ask for evidence/],
    ['auto item without a required check', aFramework({ items: [anItem({ automation: 'auto', evidence: [], checks: [ADVISORY] })] }), /needs at least one required check/],
    [
      'auto item with an evidence check',
      aFramework({ items: [anItem({ automation: 'auto', evidence: [], checks: [REQUIRED, { ...EVIDENCE, id: 'iam_no_root_access_key' }], alternatives: [{ way: 'a', how: 'b' }] })] }),
      /make it partial/,
    ],
    ['partial item without checks', aFramework({ items: [anItem({ checks: [] })] }), /needs at least one required or evidence check/],
    ['partial item with only advisory checks', aFramework({ items: [anItem({ checks: [ADVISORY] })] }), /needs at least one required or evidence check/],
    ['manual item with checks', aFramework({ items: [anItem({ automation: 'manual' })] }), /has required or evidence checks/],
    ['manual item without evidence', aFramework({ items: [anItem({ automation: 'manual', checks: [], evidence: [] })] }), /needs an evidence request/],
    ['sub-question of another item', aFramework({ items: [anItem({ subQuestions: [{ id: 'Y-001.1', text: 't' }] })] }), /does not belong to item X-001/],
    ['item applying to nothing', aFramework({ items: [anItem({ appliesTo: [] })] }), /applies to no delivery category/],
    ['unknown report area', aFramework({ sections: [{ id: 'X', title: 'X', reportArea: 'Elsewhere' }] }), /reportArea must be one of/],
    ['bad release date', aFramework({ releaseDate: 'May 2018' }), /YYYY-MM/],
    ['gap item with evidence', aFramework({ items: [anItem({ notPresentInSource: true })] }), /not present in the source/],
  ])('rejects %s', (_case, framework, message) => {
    expect(problems(framework).join('\n')).toMatch(message);
  });

  it('rejects unknown fields and delivery categories', () => {
    expect(problems({ ...aFramework(), extra: true }).length).toBeGreaterThan(0);
    expect(problems(aFramework({ items: [anItem({ appliesTo: ['on-premises' as never] })] })).length).toBeGreaterThan(0);
  });

  it('throws from validateFramework for an invalid catalog', () => {
    expect(() => validateFramework(aFramework({ items: [anItem({ section: 'NOPE' })] }))).toThrow(/unknown section/);
  });
});
