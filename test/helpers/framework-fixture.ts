/**
 * A tiny framework catalog for attestation and verdict tests: one auto item, one partial item, one manual
 * item with a 12-month rule, one document-only item, two items gated by G-000, a customer-deployed-only
 * item and a numbering gap.
 */
import { defineFramework, type CheckReference, type Framework, type FrameworkItem } from '../../src/core/framework.js';

const ALL = ['multi-tenant-saas', 'single-tenant-saas', 'managed-service', 'customer-deployed'] as const;
const HOSTED = ['multi-tenant-saas', 'single-tenant-saas', 'managed-service'] as const;

/** A required reference: the fixture's items predate check roles and keep the strict "any FAIL blocks" rule. */
const required = (id: string): CheckReference => ({ id, role: 'required', rationale: `The item asks for exactly ${id}.` });

function item(overrides: Partial<FrameworkItem> & Pick<FrameworkItem, 'id' | 'automation'>): FrameworkItem {
  return {
    title: `Item ${overrides.id}`,
    section: 'S',
    requirement: `Requirement of ${overrides.id}.`,
    checks: [],
    appliesTo: ALL,
    evidence: [{ id: `${overrides.id}-e1`, prompt: `Describe ${overrides.id}.`, accepts: ['text', 'url'] }],
    ...overrides,
  };
}

export const testFramework: Framework = defineFramework({
  id: 'test-framework',
  title: 'Test framework',
  version: '2026-01',
  checklistVersion: 't1',
  releaseDate: '2026-01-01',
  source: 'https://example.com/checklist',
  sections: [{ id: 'S', title: 'Section' }],
  gatingQuestions: [{ id: 'G-000', question: 'Do you touch customer accounts?', gates: ['G-001', 'G-002'] }],
  items: [
    item({ id: 'A-001', automation: 'auto', checks: [required('check_auto')], evidence: [] }),
    item({ id: 'P-001', automation: 'partial', checks: [required('check_partial')] }),
    item({
      id: 'M-001',
      automation: 'manual',
      evidence: [{ id: 'M-001-e1', prompt: 'When was the last game day?', accepts: ['date', 'file', 'url'], expiresAfterMonths: 12 }],
    }),
    item({ id: 'D-001', automation: 'manual', evidence: [{ id: 'D-001-e1', prompt: 'The deployment guide.', accepts: ['url', 'file'] }] }),
    item({ id: 'G-001', automation: 'manual', gatedBy: 'G-000' }),
    item({ id: 'G-002', automation: 'partial', checks: [required('check_partial')] }),
    item({ id: 'H-001', automation: 'manual', appliesTo: HOSTED }),
    item({ id: '2.10', automation: 'manual' }),
    item({ id: '1.6', automation: 'manual', notPresentInSource: true }),
  ],
});
