import { describe, expect, it } from 'vitest';
import { accountRef, defineCheck, fail, pass, unknown, type CheckDefinition } from '../core/check.js';
import { defineFramework, type FrameworkItem } from '../core/framework.js';
import { aSnapshot, anAccount, ACCOUNT_A, ACCOUNT_B } from '../../test/helpers/snapshot-builder.js';
import { evaluate, UnknownCheckError } from './evaluate.js';

const meta = {
  service: 'test',
  resourceType: 'AWS::::Account',
  severity: 'high',
  reads: ['test:Read'],
  remediation: { summary: 'Fix it.' },
} as const;

const alwaysPass = defineCheck({ ...meta, id: 'test_always_pass', title: 'Always pass', evaluate: (s) => s.accounts.map((a) => pass(accountRef(a), 'ok')) });
const failB = defineCheck({
  ...meta,
  id: 'test_fail_account_b',
  title: 'Fails account B',
  evaluate: (s) => s.accounts.map((a) => (a.accountId === ACCOUNT_B ? fail(accountRef(a), 'bad') : pass(accountRef(a), 'ok'))),
});
const cannotSee = defineCheck({ ...meta, id: 'test_cannot_see', title: 'Cannot see', evaluate: (s) => s.accounts.map((a) => unknown(accountRef(a), 'denied')) });
const crashes = defineCheck({
  ...meta,
  id: 'test_crashes',
  title: 'Crashes',
  evaluate: () => {
    throw new Error('boom');
  },
});
const CHECKS: CheckDefinition[] = [alwaysPass, failB, cannotSee, crashes];

const ALL = ['multi-tenant-saas', 'single-tenant-saas', 'managed-service', 'customer-deployed'] as const;
const item = (id: string, checks: string[], extra: Partial<FrameworkItem> = {}): FrameworkItem => ({
  id,
  title: `Item ${id}`,
  section: 'S',
  requirement: 'r',
  automation: 'auto',
  checks: checks.map((c) => ({ id: c, role: 'required', rationale: 'The item asks for exactly this.' })),
  appliesTo: ALL,
  evidence: [],
  ...extra,
});

const framework = defineFramework({
  id: 'test-framework',
  title: 'Test framework',
  version: '1',
  checklistVersion: 'v1',
  releaseDate: '2026-01-01',
  source: 'test',
  sections: [{ id: 'S', title: 'Section' }],
  gatingQuestions: [],
  items: [
    item('A-1', ['test_always_pass']),
    item('A-2', ['test_always_pass', 'test_fail_account_b']),
    item('A-3', ['test_cannot_see']),
    item('A-4', ['test_crashes']),
    item('A-5', ['test_always_pass'], { automation: 'partial' }),
    item('A-6', [], { automation: 'manual' }),
    item('A-7', ['test_always_pass'], { appliesTo: ['customer-deployed'] }),
  ],
});

const snapshot = aSnapshot({ accounts: [anAccount({ accountId: ACCOUNT_A }), anAccount({ accountId: ACCOUNT_B })] });
const run = () => evaluate(snapshot, framework, { delivery: 'multi-tenant-saas', checks: CHECKS, toolVersion: '9.9.9', now: '2026-11-23T00:00:00.000Z' });

describe('evaluate', () => {
  it('decides each item from its checks, never guessing MET', () => {
    const verdicts = Object.fromEntries(run().items.map((i) => [i.itemId, i.verdict]));
    expect(verdicts).toEqual({
      'A-1': 'MET',
      'A-2': 'NOT_MET',
      'A-3': 'UNKNOWN',
      'A-4': 'UNKNOWN',
      'A-5': 'NEEDS_EVIDENCE',
      'A-6': 'NEEDS_EVIDENCE',
      'A-7': 'NOT_APPLICABLE',
    });
  });

  it('says why an item does not apply', () => {
    const a7 = run().items.find((i) => i.itemId === 'A-7');
    expect(a7?.reason).toMatch(/multi-tenant SaaS/);
  });

  it('tags findings with every item they evidence and keeps the failing resource', () => {
    const a = run();
    const failing = a.findings.filter((f) => f.status === 'FAIL');
    expect(failing).toEqual([
      expect.objectContaining({ checkId: 'test_fail_account_b', accountId: ACCOUNT_B, controlIds: ['A-2'], severity: 'high', resourceId: ACCOUNT_B }),
    ]);
    expect(a.findings.find((f) => f.checkId === 'test_always_pass')?.controlIds).toEqual(['A-1', 'A-2', 'A-5', 'A-7']);
  });

  it('turns a crashing check into an UNKNOWN finding flagged as a bug', () => {
    const crashed = run().findings.filter((f) => f.checkId === 'test_crashes');
    expect(crashed).toHaveLength(1);
    expect(crashed[0]).toMatchObject({ status: 'UNKNOWN', evidence: { bug: true } });
    expect(crashed[0]?.message).toContain('boom');
  });

  it('adds up the summary and records the scope', () => {
    const a = run();
    expect(a.summary.findings).toEqual({ PASS: 3, FAIL: 1, MANUAL: 0, NOT_APPLICABLE: 0, UNKNOWN: 3 });
    expect(a.summary.readiness).toEqual({ met: 1, applicable: 6 });
    expect(a.scope).toMatchObject({ accounts: [ACCOUNT_A, ACCOUNT_B], snapshotComplete: true, mode: 'account' });
    expect(a.tool.version).toBe('9.9.9');
    expect(a.generatedAt).toBe('2026-11-23T00:00:00.000Z');
  });

  it('adds the catalog\'s pointer to where a delivery category is reviewed instead', () => {
    const withPointer = { ...framework, notApplicableReasons: { 'multi-tenant-saas': 'Use the other checklist.' } };
    const a = evaluate(snapshot, withPointer, { delivery: 'multi-tenant-saas', checks: CHECKS, toolVersion: '1' });
    expect(a.items.find((i) => i.itemId === 'A-7')?.reason).toMatch(/multi-tenant SaaS.*Use the other checklist\./);
    expect(a.items.find((i) => i.itemId === 'A-1')?.reason).not.toContain('other checklist');
  });

  it('refuses a framework that references a check that does not exist', () => {
    const broken = { ...framework, items: [item('X-1', ['no_such_check'])] };
    expect(() => evaluate(snapshot, broken, { delivery: 'multi-tenant-saas', checks: CHECKS, toolVersion: '1' })).toThrow(UnknownCheckError);
  });
});
