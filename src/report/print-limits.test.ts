/** The print variant's caps: small reports print every row they did; large ones share a row budget. No Chromium. */
import { describe, expect, it } from 'vitest';
import { sampleAssessment } from '../../test/fixtures/assessments/sample.js';
import { syntheticAssessment } from '../../test/fixtures/assessments/synthetic.js';
import { renderHtml } from './html/render-html.js';
import { buildReportModel } from './model.js';
import { PRINT_ITEM_ROWS, printItemRowLimit } from './pdf.js';

const large = buildReportModel(syntheticAssessment({ findings: 3_000, resources: 300 }));

function printedFindingRows(model: typeof large, cap: number): number {
  let rows = 0;
  for (const s of model.sections) {
    rows += Math.min(s.relatedFindings.length, cap);
    for (const i of s.items) rows += Math.min(i.attention.length, cap) + Math.min(i.passingSample.length, cap);
  }
  return rows;
}

describe('print row limits', () => {
  it('a report whose tables fit the budget prints 40 rows per item, as before', () => {
    expect(printItemRowLimit(buildReportModel(sampleAssessment()))).toBe(PRINT_ITEM_ROWS.max);
  });

  it('a large report gets the largest cap that fits the budget, never below the minimum', () => {
    const budget = printedFindingRows(large, 25) + 1;
    expect(printedFindingRows(large, 26)).toBeGreaterThan(budget);
    expect(printItemRowLimit(large, budget)).toBe(25);
    expect(printItemRowLimit(large, printedFindingRows(large, PRINT_ITEM_ROWS.max))).toBe(PRINT_ITEM_ROWS.max);
    expect(printItemRowLimit(large, 1)).toBe(PRINT_ITEM_ROWS.min);
  });

  it('the print HTML prints that many rows per item and says how many the full list has', async () => {
    const html = await renderHtml(large, { mode: 'print', printItemRowLimit: 12 });
    const item = large.sections.flatMap((s) => s.items).find((i) => i.attention.length > 12);
    expect(item).toBeDefined();
    expect(html).toContain(`12 of ${item?.attention.length} rows printed; the complete list is in the XLSX and CSV reports.`);
    expect(html).toContain(`200 of ${large.resources.rows.length} rows printed`);
  });
});
