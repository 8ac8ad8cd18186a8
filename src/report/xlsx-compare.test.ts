// Temporary: the hand-written workbook against exceljs's, cell by cell, read back by exceljs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileAssessment } from '../../test/fixtures/assessments/hostile.js';
import { previousSampleAssessment, sampleAssessment } from '../../test/fixtures/assessments/sample.js';
import { syntheticAssessment } from '../../test/fixtures/assessments/synthetic.js';
import { buildReportModel, type ReportModel } from './model.js';
import { renderXlsx } from './xlsx.js';
import { renderXlsxWithExceljs } from './xlsx-exceljs.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftr-xlsx-cmp-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function dump(wb: ExcelJS.Workbook): unknown {
  return wb.worksheets.map((ws) => {
    const rows: unknown[] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (c, col) => {
        cells.push({
          col,
          type: c.type,
          value: c.value,
          numFmt: c.numFmt ?? null,
          bold: c.font?.bold ?? false,
          color: c.font?.color?.argb ?? null,
          fill: c.fill && c.fill.type === 'pattern' ? ((c.fill.fgColor?.argb ?? null) as string | null) : null,
        });
      });
      rows.push({ n, cells });
    });
    return {
      name: ws.name,
      views: (ws.views ?? []).map((v) => ({ state: v.state, ySplit: (v as { ySplit?: number }).ySplit ?? null })),
      autoFilter: ws.autoFilter ?? null,
      columns: (ws.columns ?? []).map((c) => ({ width: c.width ?? 9, numFmt: c.style?.numFmt ?? null })),
      rowCount: ws.rowCount,
      rows,
    };
  });
}

async function both(name: string, model: ReportModel): Promise<[unknown, unknown]> {
  const oldPath = join(dir, `${name}-old.xlsx`);
  const newPath = join(dir, `${name}-new.xlsx`);
  await renderXlsxWithExceljs(model, oldPath);
  await renderXlsx(model, newPath);
  const a = new ExcelJS.Workbook();
  await a.xlsx.readFile(oldPath);
  const b = new ExcelJS.Workbook();
  await b.xlsx.readFile(newPath);
  expect(b.creator).toBe(a.creator);
  expect(b.created).toEqual(a.created);
  return [dump(a), dump(b)];
}

describe('hand-written XLSX = exceljs XLSX for a reader', () => {
  it('sample assessment', async () => {
    const [a, b] = await both('sample', buildReportModel(sampleAssessment(), { previous: previousSampleAssessment() }));
    expect(b).toEqual(a);
  });
  it('hostile assessment', async () => {
    const [a, b] = await both('hostile', buildReportModel(hostileAssessment()));
    expect(b).toEqual(a);
  });
  it('control characters, markup, long and unpaired-surrogate text', async () => {
    const a = hostileAssessment();
    const nasty = ['a\u0000b\u0001c\u0008d\u000Be\u001Ff\uFFFEg\uFFFF', '<&>"\' ]]> &amp; line\r\nnext\ttab', 'x'.repeat(40_000) + '<&', '\uD800 lone', ' lead and trail '];
    const findings = a.findings.map((f, i) => ({ ...f, message: nasty[i % nasty.length]!, resourceId: nasty[(i + 1) % nasty.length]! }));
    const [x, y] = await both('nasty', buildReportModel({ ...a, findings }));
    expect(y).toEqual(x);
  });
  it('synthetic assessment of 2,000 findings', async () => {
    const [a, b] = await both('synthetic', buildReportModel(syntheticAssessment({ findings: 2000, resources: 400 })));
    expect(b).toEqual(a);
  });
});
