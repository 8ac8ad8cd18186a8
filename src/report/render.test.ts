import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previousSampleAssessment, sampleAssessment } from '../../test/fixtures/assessments/sample.js';
import { writeReports } from '../cli/commands/report.js';
import { csvCell } from './csv.js';
import { VERDICT_LABEL } from './format.js';
import { buildReportModel } from './model.js';
import { parseFormats, UnknownFormatError } from './render.js';

const assessment = sampleAssessment();
const model = buildReportModel(assessment, { previous: previousSampleAssessment() });
let dir: string;
let files: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftr-report-'));
  files = await writeReports({ assessment, previous: previousSampleAssessment(), formats: 'html,xlsx,md,csv,json', outDir: dir });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const read = (name: string): Promise<string> => readFile(join(dir, name), 'utf8');

/** Parses one CSV document (RFC 4180) into rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('formats', () => {
  it('parses --format lists', () => {
    expect(parseFormats('pdf, html,markdown')).toEqual(['html', 'pdf', 'md']);
    expect(parseFormats('all')).toEqual(['html', 'pdf', 'xlsx', 'md', 'csv', 'json']);
    expect(() => parseFormats('docx')).toThrow(UnknownFormatError);
  });

  it('writes every requested file', () => {
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual([
      'ftr-report.html',
      'ftr-report.xlsx',
      'ftr-report.md',
      'ftr-report-findings.csv',
      'ftr-report-resources.csv',
      'ftr-report.json',
    ]);
  });
});

describe('HTML', () => {
  it('shows every item once, inside its section, with its verdict', async () => {
    const html = await read('ftr-report.html');
    for (const section of model.sections) {
      const start = html.indexOf(`data-section-block="${section.id}"`);
      expect(start).toBeGreaterThan(-1);
      const end = html.indexOf('</section>', start);
      const block = html.slice(start, end);
      for (const item of section.items) {
        const anchor = `id="item-${item.itemId.toLowerCase()}"`;
        expect(html.split(anchor)).toHaveLength(2);
        expect(block).toContain(anchor);
        const card = block.slice(block.indexOf(anchor), block.indexOf('</article>', block.indexOf(anchor)));
        expect(card).toContain(`data-verdict="${item.verdict}"`);
        expect(card).toContain(VERDICT_LABEL[item.verdict]);
      }
    }
  });

  it('is self-contained: no external URL is loaded', async () => {
    const html = await read('ftr-report.html');
    expect(/default-src (&#39;|')none/.test(html)).toBe(true);
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=["']?https?:/i);
    expect(html).toContain('<svg');
  });

  it('shows costs, unknown with its reason, and the blockers', async () => {
    const html = await read('ftr-report.html');
    expect(html).toContain('$1,046.35');
    expect(html).toContain('Access denied to ce:GetCostAndUsage in 222222222222');
    expect(html).toContain(`Blockers to fix before submission (${model.glance.blockers.length})`);
    expect(html).toContain('aws ec2 revoke-security-group-ingress');
  });
});

describe('Markdown', () => {
  it('has the at-a-glance numbers, every item heading and the self-assessment table', async () => {
    const md = await read('ftr-report.md');
    expect(md).toContain(`**Readiness: ${model.glance.readiness.met} of ${model.glance.readiness.applicable} applicable items met`);
    for (const item of assessment.items) {
      const esc = item.itemId.replace(/-/g, '\\-');
      expect(md.split(`#### ${esc} `)).toHaveLength(2);
      expect(md).toMatch(new RegExp(`\\| ${esc.replace(/\\/g, '\\\\')} \\| [^\\n]+ \\| (Y|N|N/A) \\|`));
    }
    expect(md).toContain('## 6. Changes since the previous assessment');
  });
});

describe('CSV', () => {
  it('has one line per finding and per resource, with counts that match', async () => {
    const findings = parseCsv(await read('ftr-report-findings.csv'));
    expect(findings[0]![0]).toBe('check_id');
    expect(findings).toHaveLength(assessment.findings.length + 1);
    const fails = findings.slice(1).filter((r) => r[1] === 'FAIL').length;
    expect(fails).toBe(assessment.summary.findings.FAIL);
    const resources = parseCsv(await read('ftr-report-resources.csv'));
    expect(resources).toHaveLength(assessment.resources.length + 1);
    expect(resources[0]!.slice(0, 2)).toEqual(['account_id', 'account_name']);
    const known = resources.slice(1).filter((r) => r[9] === 'known');
    expect(known.reduce((n, r) => n + Number(r[8]), 0)).toBeCloseTo(model.resources.itemisedTotal, 2);
    expect(resources.slice(1).filter((r) => r[9] === 'unknown').every((r) => r[8] === '' && r[10]!.length > 0)).toBe(true);
  });

  it('neutralises formula-like text and quotes separators', () => {
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
  });
});

describe('JSON', () => {
  it('is the report model', async () => {
    const json = JSON.parse(await read('ftr-report.json'));
    expect(json.reportSchemaVersion).toBe('1.1');
    expect(json.glance.readiness).toEqual(model.glance.readiness);
    expect(json.sections.flatMap((s: { items: { itemId: string }[] }) => s.items.map((i) => i.itemId))).toEqual(assessment.items.map((i) => i.itemId));
  });
});

describe('XLSX', () => {
  it('reads back with the self-assessment in checklist order, typed cells, filters and frozen headers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'ftr-report.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Self-assessment', 'Item checks', 'Blockers', 'Hardening', 'Findings', 'Resources', 'Costs']);

    const sa = wb.getWorksheet('Self-assessment')!;
    const ids: string[] = [];
    sa.eachRow((row, n) => {
      if (n > 1) ids.push(row.getCell(1).text);
    });
    expect(ids).toEqual(assessment.items.map((i) => i.itemId));
    expect(sa.getRow(2).getCell(4).value).toMatch(/^(Y|N|N\/A)$/);
    expect(sa.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sa.autoFilter).toBeTruthy();

    const findings = wb.getWorksheet('Findings')!;
    expect(findings.rowCount).toBe(assessment.findings.length + 1);

    const resources = wb.getWorksheet('Resources')!;
    expect(resources.rowCount).toBe(assessment.resources.length + 1);
    const known: unknown[] = [];
    const other: unknown[] = [];
    resources.eachRow((row, n) => {
      if (n === 1) return;
      (row.getCell(10).value === 'known' ? known : other).push(row.getCell(9).value);
    });
    expect(known.every((v) => typeof v === 'number')).toBe(true);
    expect(other.every((v) => v === null)).toBe(true);
    expect((known as number[]).reduce((a, b) => a + b, 0)).toBeCloseTo(model.resources.itemisedTotal, 2);

    const summary = wb.getWorksheet('Summary')!;
    let generated: unknown;
    summary.eachRow((row) => {
      if (row.getCell(1).value === 'Generated') generated = row.getCell(2).value;
    });
    expect(generated).toBeInstanceOf(Date);
  });

  it('writes one self-assessment sheet per case study', async () => {
    const out = await mkdtemp(join(tmpdir(), 'ftr-cs-'));
    try {
      await writeReports({
        assessment: { ...sampleAssessment(), caseStudy: { id: 'a', name: 'Plant A: Line 1/2' } },
        caseStudies: [{ ...previousSampleAssessment(), caseStudy: { id: 'b', name: 'Plant B' } }],
        formats: ['xlsx'],
        outDir: out,
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(out, 'ftr-report.xlsx'));
      expect(wb.worksheets.map((w) => w.name).filter((n) => n.startsWith('SA - '))).toEqual(['SA - Plant A  Line 1 2', 'SA - Plant B']);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
