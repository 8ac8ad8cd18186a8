/**
 * The hand-written XLSX: a valid ZIP (read here by a minimal reader that checks every CRC and size, and by
 * exceljs), every part well-formed XML (saxes), text cells escaped and never formulas, XML-invalid
 * characters replaced, over-long text truncated, typed cells with their formats.
 */
import { Writable } from 'node:stream';
import { crc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { columnLetters, writeWorkbook, xlsxText, type SheetRow, type WorkbookSpec } from './xlsx-writer.js';
import { dosDateTime, ZipWriter } from './zip-writer.js';

/** Collects what is written into one Buffer. */
class Sink extends Writable {
  readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    this.chunks.push(chunk);
    done();
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** A minimal ZIP reader that trusts nothing: the central directory, each local header and data descriptor agree. */
function unzip(zip: Buffer): Map<string, string> {
  const eocd = zip.length - 22;
  expect(zip.readUInt32LE(eocd)).toBe(0x06054b50);
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  expect(p + zip.readUInt32LE(eocd + 12)).toBe(eocd);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(p)).toBe(0x02014b50);
    const flags = zip.readUInt16LE(p + 8);
    const crc = zip.readUInt32LE(p + 16);
    const compressed = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const offset = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength;
    expect(zip.readUInt32LE(offset)).toBe(0x04034b50);
    expect(zip.toString('utf8', offset + 30, offset + 30 + zip.readUInt16LE(offset + 26))).toBe(name);
    const start = offset + 30 + nameLength + zip.readUInt16LE(offset + 28);
    const data = inflateRawSync(zip.subarray(start, start + compressed));
    expect(data.length).toBe(size);
    expect(crc32(data)).toBe(crc);
    if (flags & 0x8) {
      const d = start + compressed;
      expect([zip.readUInt32LE(d), zip.readUInt32LE(d + 4), zip.readUInt32LE(d + 8), zip.readUInt32LE(d + 12)]).toEqual([0x08074b50, crc, compressed, size]);
    } else {
      expect([zip.readUInt32LE(offset + 14), zip.readUInt32LE(offset + 18), zip.readUInt32LE(offset + 22)]).toEqual([crc, compressed, size]);
    }
    files.set(name, data.toString('utf8'));
  }
  return files;
}

interface ParsedCell {
  readonly ref: string;
  readonly type: string | null;
  readonly style: string | null;
  readonly value: string | null;
}

/** Parses a worksheet with a conforming XML parser (throws on anything not well-formed); returns its cells. */
function sheetCells(xml: string): ParsedCell[] {
  const cells: ParsedCell[] = [];
  let current: { ref: string; type: string | null; style: string | null; value: string | null } | null = null;
  let inValue = false;
  const sax = new SaxesParser({ xmlns: false });
  sax.on('opentag', (tag) => {
    if (tag.name === 'c') {
      const a = tag.attributes as Record<string, string>;
      current = { ref: a.r ?? '', type: a.t ?? null, style: a.s ?? null, value: null };
    } else if (tag.name === 'v') inValue = true;
    else if (tag.name === 'f') throw new Error('a formula was written');
  });
  sax.on('text', (text) => {
    if (inValue && current) current.value = (current.value ?? '') + text;
  });
  sax.on('closetag', (tag) => {
    if (tag.name === 'v') {
      inValue = false;
      if (current && current.value === null) current.value = '';
    } else if (tag.name === 'c' && current) {
      cells.push(current);
      current = null;
    }
  });
  sax.write(xml).close();
  return cells;
}

function wellFormed(xml: string): void {
  new SaxesParser({ xmlns: false }).write(xml).close();
}

async function workbook(spec: WorkbookSpec): Promise<Buffer> {
  const sink = new Sink();
  await writeWorkbook(spec, sink);
  return sink.bytes();
}

const created = new Date('2026-11-02T09:30:00Z');
const oneSheet = (rows: Iterable<SheetRow>): WorkbookSpec => ({
  creator: 'ftr-ready <test> & "co"',
  created,
  sheets: [
    {
      name: 'Data & <more>',
      header: 'banner',
      columns: [
        { header: 'Text', width: 20 },
        { header: 'Amount', width: 12, numFmt: '#,##0.00' },
        { header: 'Flag', width: 8 },
      ],
      rows,
    },
  ],
});

/** What an XML reader gives back for a text cell: the written text, line ends normalised, unpaired surrogates as U+FFFD. */
const readBack = (text: string): string => Buffer.from(xlsxText(text), 'utf8').toString('utf8').replace(/\r\n?/g, '\n');

describe('XLSX writer', () => {
  it('writes a ZIP whose parts are all well-formed XML, with typed and styled cells', async () => {
    const files = unzip(
      await workbook(
        oneSheet([
          ['=HYPERLINK("http://evil.example","x")', 12.5, true],
          ['<script>&amp;</script> ]]>', null, false],
          ['a\u0000b\u0007c\u001Fd\uFFFEe', Number.NaN, null],
        ]),
      ),
    );
    expect([...files.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/app.xml',
      'docProps/core.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    for (const xml of files.values()) wellFormed(xml);
    expect(files.get('xl/workbook.xml')).toContain('name="Data &amp; &lt;more&gt;"');

    const cells = sheetCells(files.get('xl/worksheets/sheet1.xml')!);
    const byRef = new Map(cells.map((c) => [c.ref, c]));
    expect(byRef.get('A1')).toEqual({ ref: 'A1', type: 'str', style: '5', value: 'Text' });
    expect(byRef.get('B1')).toEqual({ ref: 'B1', type: 'str', style: '8', value: 'Amount' });
    expect(byRef.get('A2')).toEqual({ ref: 'A2', type: 'str', style: null, value: '=HYPERLINK("http://evil.example","x")' });
    expect(byRef.get('B2')).toEqual({ ref: 'B2', type: null, style: '4', value: '12.5' });
    expect(byRef.get('C2')).toEqual({ ref: 'C2', type: 'b', style: null, value: '1' });
    expect(byRef.get('A3')?.value).toBe('<script>&amp;</script> ]]>');
    // An empty cell keeps its column's number format; an empty cell of a plain column is not written.
    expect(byRef.get('B3')).toEqual({ ref: 'B3', type: null, style: '4', value: null });
    expect(byRef.get('A4')?.value).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
    expect(byRef.get('B4')).toEqual({ ref: 'B4', type: null, style: '4', value: null });
    expect(byRef.has('C4')).toBe(false);
    expect(files.get('xl/worksheets/sheet1.xml')).toContain('<autoFilter ref="A1:C4"/>');
  });

  it('truncates text over 32,000 characters as the exceljs writer did', async () => {
    const long = 'x'.repeat(40_000);
    const files = unzip(await workbook(oneSheet([[long, 1, true]])));
    const cell = sheetCells(files.get('xl/worksheets/sheet1.xml')!).find((c) => c.ref === 'A2');
    expect(cell?.value).toBe(`${'x'.repeat(32_000)}… (truncated)`);
    expect(xlsxText(long)).toBe(cell?.value);
  });

  it('any text reads back as written (property)', async () => {
    const anyChar = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: fc.oneof(anyChar, fc.constantFrom('<', '&', '>', '\r', '\n', '"', ']]>', '😀')) }), { maxLength: 30 }), async (texts) => {
        const files = unzip(await workbook(oneSheet(texts.map((t) => [t, null, null]))));
        const values = sheetCells(files.get('xl/worksheets/sheet1.xml')!)
          .filter((c) => c.ref.startsWith('A') && c.ref !== 'A1')
          .map((c) => c.value);
        expect(values).toEqual(texts.map(readBack));
      }),
      { numRuns: 40, seed: 12 },
    );
  });

  it('reads back with exceljs: sheets, typed cells, formats, frozen header, filter, bold rows', async () => {
    const spec: WorkbookSpec = {
      creator: 'ftr-ready 0.1.0',
      created,
      sheets: [
        {
          name: 'Summary',
          header: 'bold',
          columns: [
            { header: 'Field', width: 38 },
            { header: 'Value', width: 90 },
          ],
          rows: [
            ['Generated', created],
            ['Readiness', { value: 0.5, numFmt: '0%' }],
            ['Cost', { value: null, numFmt: '#,##0.00' }],
            [],
            { bold: true, cells: ['Section', 'Status'] },
          ],
        },
        oneSheet([['a', 1.25, false]]).sheets[0]!,
      ],
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await workbook(spec)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.creator).toBe('ftr-ready 0.1.0');
    expect(wb.created).toEqual(created);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Data & <more>']);
    const summary = wb.getWorksheet('Summary')!;
    expect(summary.getCell('A1').font?.bold).toBe(true);
    expect(summary.getCell('B2').value).toEqual(created);
    expect(summary.getCell('B2').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(summary.getCell('B3').value).toBe(0.5);
    expect(summary.getCell('B3').numFmt).toBe('0%');
    expect(summary.getCell('B4').value).toBeNull();
    expect(summary.getCell('A6').font?.bold).toBe(true);
    expect(summary.getColumn(2).width).toBe(90);
    const data = wb.getWorksheet('Data & <more>')!;
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data.autoFilter).toBe('A1:C2');
    expect(data.getCell('A1').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF232F3E' } });
    expect(data.getCell('A1').font).toMatchObject({ bold: true, color: { argb: 'FFFFFFFF' } });
    expect(data.getCell('B2').value).toBe(1.25);
    expect(data.getCell('B2').numFmt).toBe('#,##0.00');
    expect(data.getCell('C2').value).toBe(false);
    expect(data.getCell('A2').type).toBe(ExcelJS.ValueType.String);
  });

  it('is deterministic: the same workbook gives the same bytes', async () => {
    const rows: SheetRow[] = [['x', 1, true]];
    expect((await workbook(oneSheet(rows))).equals(await workbook(oneSheet(rows)))).toBe(true);
  });

  it('stops with the output stream error instead of waiting for it to drain', async () => {
    const failing = new Writable({
      highWaterMark: 16,
      write(_chunk, _enc, done) {
        done(new Error('disk full'));
      },
    });
    failing.on('error', () => undefined);
    const rows = (function* () {
      for (let i = 0; i < 50_000; i++) yield [`row ${i} ${'y'.repeat(50)}`, i, true] as SheetRow;
    })();
    await expect(writeWorkbook(oneSheet(rows), failing)).rejects.toThrow(/disk full|closed/);
  });
});

describe('helpers', () => {
  it('column letters', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
  it('MS-DOS timestamps (UTC, from 1980)', () => {
    expect(dosDateTime(new Date('2026-11-02T09:30:07Z'))).toEqual({ time: (9 << 11) | (30 << 5) | 3, date: (46 << 9) | (11 << 5) | 2 });
    expect(dosDateTime(new Date('1970-01-01T00:00:00Z')).date >> 9).toBe(0);
  });
  it('a ZIP entry written in pieces equals the same text written whole', async () => {
    const a = new Sink();
    const za = new ZipWriter(a, { modified: created });
    const entry = await za.startFile('a.txt');
    for (let i = 0; i < 1000; i++) await entry.write(`piece ${i}\n`);
    await entry.end();
    await za.addFile('b.txt', 'whole');
    await za.finish();
    const files = unzip(a.bytes());
    expect(files.get('a.txt')).toBe(Array.from({ length: 1000 }, (_, i) => `piece ${i}\n`).join(''));
    expect(files.get('b.txt')).toBe('whole');
  });
});
