/**
 * Check roles in every report format, from a real evaluation of the bundled sample scan: each item shows
 * its one-line reason and the role of each check with its rationale; advisory results are shown apart, in
 * "Hardening beyond the checklist", and never among an item's findings that need attention.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleAssessment } from '../../test/fixtures/assessments/sample.js';
import { SAMPLE_SNAPSHOT_PATH } from '../cli/commands/demo.js';
import { writeReports } from '../cli/commands/report.js';
import { assess } from '../cli/write-assessment.js';
import { FRAMEWORKS } from '../frameworks/index.js';
import { parseAssessment } from '../io/assessment-file.js';
import { readSnapshot } from '../io/snapshot-file.js';
import { renderHtml } from './html/render-html.js';
import { renderMarkdown } from './markdown.js';
import { buildReportModel } from './model.js';

const framework = FRAMEWORKS.find((f) => f.id === 'ftr-partner-hosted');
if (!framework) throw new Error('catalog missing');
const { assessment } = assess(await readSnapshot(SAMPLE_SNAPSHOT_PATH), { framework, delivery: 'multi-tenant-saas', attestationsFile: null });
const model = buildReportModel(assessment);
const items = model.sections.flatMap((s) => s.items);
const itemOf = (id: string) => {
  const found = items.find((i) => i.itemId === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftr-roles-'));
  await writeReports({ assessment, formats: 'html,xlsx,md,csv,json', outDir: dir });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the report model with check roles', () => {
  it('gives every referenced check of every item its role and rationale, deciding checks first', () => {
    for (const item of items) {
      expect(item.checks.map((c) => c.id).sort(), `item ${item.itemId}`).toEqual(framework.items.find((i) => i.id === item.itemId)?.checks.map((c) => c.id).sort());
      for (const c of item.checks) {
        expect(c.role, `${item.itemId} ${c.id}`).not.toBeNull();
        expect(c.rationale?.length, `${item.itemId} ${c.id}`).toBeGreaterThan(10);
      }
      const firstAdvisory = item.checks.findIndex((c) => c.role === 'advisory');
      const advisoryTail = firstAdvisory < 0 ? [] : item.checks.slice(firstAdvisory);
      expect(advisoryTail.every((c) => c.role === 'advisory'), `item ${item.itemId}`).toBe(true);
    }
  });

  it('keeps advisory results out of an item\'s findings that need attention and its counts', () => {
    const netsec = itemOf('NETSEC-002');
    expect(netsec.checks.find((c) => c.id === 'vpc_subnet_no_public_ip_by_default')).toMatchObject({ role: 'advisory' });
    expect(netsec.attention.filter((f) => f.checkId === 'vpc_subnet_no_public_ip_by_default')).toEqual([]);
    const deciding = netsec.checks.filter((c) => c.role !== 'advisory').reduce((n, c) => n + c.counts.FAIL, 0);
    expect(netsec.counts.FAIL).toBe(deciding);
  });

  it('lists the advisory checks apart, failing first by severity, with the items they are advisory for', () => {
    const h = model.hardening;
    expect(h.checks.map((c) => c.id)).toContain('vpc_subnet_no_public_ip_by_default');
    expect(h.checks.find((c) => c.id === 'kms_cmk_rotation_enabled')?.items).toEqual([
      { itemId: 'SDAT-002', rationale: 'Key rotation is hardening; it does not make data encrypted at rest.' },
    ]);
    const failingFirst = h.checks.map((c) => c.counts.FAIL > 0);
    expect(failingFirst).toEqual([...failingFirst].sort((a, b) => Number(b) - Number(a)));
    expect(h.findings.every((f) => f.status === 'FAIL' && h.checks.some((c) => c.id === f.checkId))).toBe(true);
    expect(h.failing).toBe(h.findings.length);
    expect(h.failing).toBeGreaterThan(0);
  });

  it('carries the alternatives the checklist accepts and the region note', () => {
    expect(itemOf('SUP-001').alternatives.map((a) => a.way)).toContain('Partner-Led Support');
    expect(itemOf('CTL-003').regionNote).toMatch(/^Covers only the regions you asked for: eu-west-1, us-east-1/);
    expect(itemOf('IAM-003').regionNote).toBeNull();
  });

  it('reads an assessment written before roles existed (schema 1.0) without inventing roles', () => {
    const old = buildReportModel(parseAssessment(JSON.stringify({ ...sampleAssessment(), schemaVersion: '1.0' }), 'old-assessment.json'));
    const checks = old.sections.flatMap((s) => s.items).flatMap((i) => i.checks);
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((c) => c.role === null && c.rationale === null)).toBe(true);
    expect(old.hardening).toEqual({ checks: [], findings: [], failing: 0 });
  });
});

describe('every format shows reasons, roles and the hardening list', () => {
  it('HTML: one "Why" line per item, role badges with the rationale, the hardening section and its table of contents entry', async () => {
    const html = await readFile(join(dir, 'ftr-report.html'), 'utf8');
    expect(html).toContain('<a href="#hardening">Hardening beyond the checklist</a>');
    expect(html).toContain('<h2 class="part">4. Hardening beyond the checklist</h2>');
    expect(html.match(/<strong>Why: <\/strong>/g)?.length).toBe(items.length);
    expect(html).toContain('<span class="role role-advisory"');
    expect(html).toContain('<span class="role role-evidence"');
    expect(html).toContain('<span class="role role-required"');
    expect(html).toContain('Key rotation is hardening; it does not make data encrypted at rest.');
    expect(html).toContain('The checklist accepts any of these ways:');
  });

  it('HTML print variant (PDF) shows the same sections', async () => {
    const print = await renderHtml(model, { mode: 'print' });
    expect(print).toContain('4. Hardening beyond the checklist');
    expect(print).toContain('5. Completed self-assessment');
  });

  it('Markdown: role column, alternatives and the hardening section', async () => {
    const md = await readFile(join(dir, 'ftr-report.md'), 'utf8');
    expect(md).toContain('## 4. Hardening beyond the checklist');
    expect(md).toContain('| Check | Role | Why this role | Severity |');
    expect(md).toMatch(/\| vpc\\_subnet\\_no\\_public\\_ip\\_by\\_default \| Advisory \| NETSEC\\-002 is about resources in public subnets/);
    expect(md).toContain('The checklist accepts any of these ways:');
    expect(renderMarkdown(model)).toBe(md);
  });

  it('CSV: each finding says which items it is advisory for', async () => {
    const csv = await readFile(join(dir, 'ftr-report-findings.csv'), 'utf8');
    const [header, ...lines] = csv.trim().split('\r\n');
    expect(header?.split(',').at(-1)).toBe('advisory_for');
    expect(lines.some((l) => l.startsWith('ec2_ebs_default_encryption,FAIL,') && l.endsWith(',SDAT-002'))).toBe(true);
  });

  it('XLSX: an "Item checks" sheet with role and rationale, and a "Hardening" sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'ftr-report.xlsx'));
    const sheet = wb.getWorksheet('Item checks');
    const rows: string[][] = [];
    sheet?.eachRow((row) => rows.push([1, 2, 3, 4, 5].map((n) => row.getCell(n).text)));
    expect(rows[0]).toEqual(['Item', 'Verdict', 'Check', 'Role', 'Why this role']);
    expect(rows).toContainEqual(['SDAT-002', 'Needs evidence', 'kms_cmk_rotation_enabled', 'Advisory', 'Key rotation is hardening; it does not make data encrypted at rest.']);
    expect(wb.getWorksheet('Hardening')?.rowCount).toBe(model.hardening.checks.length + 1);
    const sa = wb.getWorksheet('Self-assessment');
    expect(sa?.getRow(1).getCell(6).text).toBe('Why');
  });

  it('JSON: the model with roles and the hardening list', async () => {
    const json = JSON.parse(await readFile(join(dir, 'ftr-report.json'), 'utf8')) as typeof model;
    expect(json.hardening.failing).toBe(model.hardening.failing);
    expect(json.sections.flatMap((s) => s.items).find((i) => i.itemId === 'SUP-001')?.checks[0]?.role).toBe('evidence');
  });
});
