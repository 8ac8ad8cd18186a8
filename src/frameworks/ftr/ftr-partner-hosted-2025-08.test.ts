import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { frameworkSchema } from '../schema.js';
import { ftrPartnerHosted } from './ftr-partner-hosted-2025-08.js';

/** The 45 current Partner Hosted controls (ftr-controls.md §1) with their sub-question suffixes. */
const CURRENT_CONTROLS: Readonly<Record<string, readonly number[]>> = {
  'HOST-001': [1, 2, 3],
  'SUP-001': [1],
  'WAFR-001': [1, 2],
  'WAFR-002': [1],
  'ARC-001': [1],
  'ARC-003': [1],
  'ARC-004': [1],
  'ARC-005': [1],
  'ACOM-001': [1],
  'ACOM-002': [1],
  'IAM-001': [1],
  'IAM-002': [1, 2, 3, 4],
  'IAM-003': [1],
  'IAM-004': [1],
  'IAM-005': [1, 2],
  'IAM-006': [1],
  'IAM-007': [1],
  'IAM-008': [1],
  'IAM-009': [1],
  'IAM-010': [1],
  'IAM-011': [1],
  'IAM-012': [1, 2],
  'SECOPS-001': [1],
  'NETSEC-001': [1, 2, 3],
  'NETSEC-002': [1],
  'BAR-001': [1],
  'BAR-002': [1, 2],
  'RES-001': [1],
  'RES-002': [1],
  'RES-004': [1],
  'RES-005': [1],
  'RES-006': [1, 2],
  'RES-007': [1],
  'S3-001': [1],
  'CAA-001': [1],
  'CAA-002': [1],
  'CAA-003': [1],
  'CAA-004': [1],
  'CAA-005': [1],
  'CAA-006': [1],
  'CAA-007': [1],
  'SDAT-001': [1],
  'SDAT-002': [1],
  'SDAT-003': [1],
  'RCVP-001': [1, 2],
};

/** Older-checklist ids still asked by reviewers and the nOps sample report (ftr-controls.md §2). */
const LEGACY_IDS = ['ARC-002', 'CTL-001', 'CTL-002', 'CTL-003', 'CTL-004', 'RES-003', 'S3-002', 'S3-003'];

/** Report area of every item (nOps section names plus the three areas nOps lacks). */
const EXPECTED_AREA_BY_PREFIX: Readonly<Record<string, string>> = {
  HOST: 'Hosting',
  SUP: 'Support level',
  WAFR: 'Well-Architected review',
  ARC: 'Root account',
  ACOM: 'Communications from AWS',
  CTL: 'CloudTrail',
  IAM: 'Identity and access management',
  SECOPS: 'Operational security',
  NETSEC: 'Network security',
  BAR: 'Backups and recovery',
  RES: 'Disaster recovery',
  S3: 'S3 bucket access',
  CAA: 'Cross-account access',
  SDAT: 'Sensitive data',
  RCVP: 'Regulatory compliance validation',
};

const REFERENCE = fileURLToPath(new URL('../../../../shared/reference/ftr-controls.md', import.meta.url));
const hasReference = existsSync(REFERENCE);

const items = ftrPartnerHosted.items;
const byId = new Map<string, (typeof items)[number]>(items.map((item) => [item.id, item]));
const current = items.filter((item) => item.legacy !== true);
const legacy = items.filter((item) => item.legacy === true);

function areaOf(itemId: string): string | undefined {
  const item = byId.get(itemId);
  return ftrPartnerHosted.sections.find((section) => section.id === item?.section)?.reportArea;
}

describe('FTR Partner Hosted catalog', () => {
  it('validates against the framework schema', () => {
    expect(frameworkSchema.safeParse(ftrPartnerHosted).error?.issues ?? []).toEqual([]);
  });

  it('records the version it describes', () => {
    expect(ftrPartnerHosted).toMatchObject({
      id: 'ftr-partner-hosted',
      version: '2025-08',
      checklistVersion: '2025_q3_v1',
      releaseDate: '2025-08',
    });
  });

  it('has exactly the 45 current controls: none missing, none invented', () => {
    expect(current.map((item) => item.id).sort()).toEqual(Object.keys(CURRENT_CONTROLS).sort());
    expect(current).toHaveLength(45);
  });

  it('has exactly the legacy items, all marked legacy with an inferred title', () => {
    expect(legacy.map((item) => item.id).sort()).toEqual([...LEGACY_IDS].sort());
    expect(legacy.filter((item) => item.titleInferred !== true).map((item) => item.id)).toEqual([]);
    expect(current.filter((item) => item.titleInferred !== undefined).map((item) => item.id)).toEqual([]);
  });

  it.each(Object.entries(CURRENT_CONTROLS))('%s has its sub-questions', (id, suffixes) => {
    expect(byId.get(id)?.subQuestions?.map((sub) => sub.id)).toEqual(suffixes.map((n) => `${id}.${n}`));
  });

  it('gates CAA-001..007 with CAA-000 and SDAT-001..003 with SDAT-000, and nothing else', () => {
    expect(ftrPartnerHosted.gatingQuestions.map((gate) => [gate.id, [...gate.gates]])).toEqual([
      ['CAA-000', ['CAA-001', 'CAA-002', 'CAA-003', 'CAA-004', 'CAA-005', 'CAA-006', 'CAA-007']],
      ['SDAT-000', ['SDAT-001', 'SDAT-002', 'SDAT-003']],
    ]);
    const gated = items.filter((item) => item.gatedBy !== undefined).map((item) => `${item.id}<${item.gatedBy ?? ''}`);
    expect(gated).toEqual([
      ...['CAA-001', 'CAA-002', 'CAA-003', 'CAA-004', 'CAA-005', 'CAA-006', 'CAA-007'].map((id) => `${id}<CAA-000`),
      ...['SDAT-001', 'SDAT-002', 'SDAT-003'].map((id) => `${id}<SDAT-000`),
    ]);
  });

  it('applies every item to the partner-hosted delivery categories and never to customer-deployed', () => {
    const hosted = ['multi-tenant-saas', 'single-tenant-saas', 'managed-service'];
    expect(Object.fromEntries(items.map((item) => [item.id, [...item.appliesTo]]))).toEqual(
      Object.fromEntries(items.map((item) => [item.id, hosted])),
    );
    expect(ftrPartnerHosted.notApplicableReasons?.['customer-deployed']).toMatch(/Customer-Deployed/);
  });

  it('puts every item under the report area of its control family', () => {
    const expected = (id: string): string | undefined => (id === 'ARC-002' ? 'Accounts' : EXPECTED_AREA_BY_PREFIX[id.split('-')[0] ?? '']);
    expect(Object.fromEntries(items.map((item) => [item.id, areaOf(item.id)]))).toEqual(
      Object.fromEntries(items.map((item) => [item.id, expected(item.id)])),
    );
  });

  it('classifies automation as documented: 4 auto, 24 partial, 17 manual among current controls', () => {
    const ids = (level: string): string[] => current.filter((item) => item.automation === level).map((item) => item.id);
    expect(ids('auto')).toEqual(['ARC-003', 'ARC-004', 'IAM-003', 'NETSEC-001']);
    expect(ids('manual')).toEqual([
      'HOST-001', 'WAFR-002', 'ARC-005', 'IAM-008', 'IAM-011',
      'RES-001', 'RES-002', 'RES-004', 'RES-005', 'RES-007',
      // CAA-002 is manual: the check it references reads the scanned accounts, not the customer-account role.
      'CAA-001', 'CAA-002', 'CAA-003', 'CAA-004', 'CAA-005', 'CAA-006', 'CAA-007',
    ]);
    expect(ids('partial')).toHaveLength(24);
  });

  it('keeps freshness windows where the rule has one', () => {
    const window = (evidenceId: string): number | undefined =>
      items.flatMap((item) => item.evidence).find((request) => request.id === evidenceId)?.expiresAfterMonths;
    expect(window('WAFR-001/review')).toBe(12);
    expect(window('RES-004/test-report')).toBe(12);
    expect(window('IAM-008/audit-record')).toBe(3);
  });

  describe.skipIf(!hasReference)('against the reference file (shared/reference/ftr-controls.md)', () => {
    const text = hasReference ? readFileSync(REFERENCE, 'utf8') : '';
    const section = (from: string, to: string): string => text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from)));

    it('matches the ids and sub-questions of the current control table', () => {
      const table = section('## 1. Current Partner-Hosted FTR controls', '## 2.');
      const fromReference = new Map<string, string[]>();
      for (const match of table.matchAll(/^\| ([A-Z0-9]+-\d{3}) \(([^)]*)\)/gm)) {
        const [, id = '', spec = ''] = match;
        const range = /^\.(\d+)[–-]\.(\d+)$/.exec(spec.trim());
        const suffixes = range
          ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i)
          : spec.split(',').map((part) => Number(part.trim().replace('.', '')));
        fromReference.set(id, suffixes.map((n) => `${id}.${n}`));
      }
      expect([...fromReference.keys()].sort()).toEqual(current.map((item) => item.id).sort());
      const ours = Object.fromEntries(current.map((item) => [item.id, (item.subQuestions ?? []).map((sub) => sub.id)]));
      expect(ours).toEqual(Object.fromEntries(fromReference));
    });

    it('matches the ids of the legacy table', () => {
      const table = section('## 2. Legacy IDs', '## 3.');
      const ids = [...table.matchAll(/^\| ([A-Z0-9]+-\d{3}) \|/gm)].map((match) => match[1]);
      expect(ids.sort()).toEqual(legacy.map((item) => item.id).sort());
    });
  });
});
