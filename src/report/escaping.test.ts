import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE, hostileAssessment } from '../../test/fixtures/assessments/hostile.js';
import { writeReports } from '../cli/commands/report.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftr-hostile-'));
  await writeReports({ assessment: hostileAssessment(), formats: 'html,xlsx,md,csv,json', outDir: dir });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
const read = (name: string): Promise<string> => readFile(join(dir, name), 'utf8');

describe('hostile text from AWS and from people is inert in every format', () => {
  it('HTML: no injected element or script, the text is shown escaped', async () => {
    const html = await read('ftr-report.html');
    const scripts = html.match(/<script\b/gi) ?? [];
    expect(scripts).toHaveLength(1); // our own filter/pagination script only
    expect(html).not.toContain('<img');
    expect(html).not.toContain('window.__pwned = 1</script>');
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('javascript:window.__pwned=4'); // shown as text, not a link
  });

  it('Markdown: no raw HTML, no link, no broken table', async () => {
    const md = await read('ftr-report.md');
    expect(md).not.toMatch(/<(script|img)/i);
    expect(md).not.toContain('](javascript:');
    expect(md).toContain('&lt;script&gt;');
    const pipes = (line: string): number => line.replace(/\\\|/g, '').split('|').length;
    let header: string | null = null;
    const broken: string[] = [];
    let rows = 0;
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) {
        header = null;
        continue;
      }
      if (header === null) header = line;
      else {
        rows++;
        if (pipes(line) !== pipes(header)) broken.push(line);
      }
    }
    expect(broken).toEqual([]);
    expect(rows).toBeGreaterThan(10);
  });

  it('CSV: cells starting with = + - @ are neutralised', async () => {
    const csv = (await read('ftr-report-findings.csv')) + (await read('ftr-report-resources.csv'));
    const cells = csv.split(/\r\n/).flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)/g) ?? []);
    for (const c of cells) {
      const text = c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c;
      expect(text).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(csv).toContain(`'${HOSTILE.formula.replace(/"/g, '""')}`);
    expect(csv).toContain(`'${HOSTILE.plus}`);
  });

  it('XLSX: hostile values are plain strings, never formulas', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'ftr-report.xlsx'));
    let formulas = 0;
    const hostileTypes: ExcelJS.ValueType[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => {
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas++;
          if (cell.value === HOSTILE.formula) hostileTypes.push(cell.type);
        });
      });
    }
    expect(formulas).toBe(0);
    expect(hostileTypes.length).toBeGreaterThan(0);
    expect(new Set(hostileTypes)).toEqual(new Set([ExcelJS.ValueType.String]));
  });

  it('JSON: parses back to the same text and never contains a raw "<"', async () => {
    const text = await read('ftr-report.json');
    expect(text).not.toContain('<');
    const json = JSON.parse(text);
    expect(json.resources.rows[0].resourceId).toBe(HOSTILE.script);
    expect(json.resources.rows[0].tags.owner).toBe(HOSTILE.formula);
  });
});
