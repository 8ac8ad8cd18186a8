/**
 * A small SpreadsheetML (XLSX) writer for the report's workbook: typed cells (text, numbers, booleans,
 * dates), column widths and number formats, a bold or banner header row, a frozen header and an
 * auto-filter. Rows are turned into XML text as they come and compressed while they are written
 * (zip-writer.ts), so 100,000 rows need neither a cell object each nor the whole sheet in memory.
 * Why not exceljs's streaming writer, which wrote this workbook before: docs/decisions/0013-xlsx-writer.md.
 *
 * Text cells are written as strings (`t="str"`, the form exceljs wrote), never as formulas: a value such as
 * `=HYPERLINK(...)` stays inert. Characters XML 1.0 cannot carry become U+FFFD and text longer than Excel's
 * cell limit is cut (xlsxText).
 */
import type { Writable } from 'node:stream';
import { ZipWriter } from './zip-writer.js';

/** The number formats the report uses (Excel format codes). */
export type NumFmt = '#,##0.00' | '0%' | 'yyyy-mm-dd hh:mm';

/** A number or date shown with a format of its own (the Summary sheet's rows mix formats in one column). */
export interface Formatted {
  /** null: an empty cell that keeps the format. */
  readonly value: number | Date | null;
  readonly numFmt: NumFmt;
}

export type CellValue = string | number | boolean | Date | Formatted | null;

/** A row written in bold (a sub-header inside a sheet). */
export interface BoldRow {
  readonly bold: true;
  readonly cells: readonly CellValue[];
}

export type SheetRow = readonly CellValue[] | BoldRow;

export interface SheetColumn {
  readonly header: string;
  readonly width: number;
  /** Applies to every cell of the column below the header (and to the header's own format). */
  readonly numFmt?: NumFmt;
}

export interface SheetSpec {
  readonly name: string;
  readonly columns: readonly SheetColumn[];
  /** `banner`: white bold text on the dark fill, frozen, with an auto-filter over every row; `bold`: a plain bold header. */
  readonly header: 'banner' | 'bold';
  readonly rows: Iterable<SheetRow>;
}

export interface WorkbookSpec {
  readonly creator: string;
  readonly created: Date;
  readonly sheets: readonly SheetSpec[];
}

const MAX_CELL = 32_000;
// Characters XML 1.0 cannot carry; Excel refuses files that contain them.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** Anything that needs work before a text can go into a cell: XML-invalid characters or markup. */
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** A text cell safe for XLSX: no XML-invalid characters, within Excel's cell limit. */
export function xlsxText(value: string): string {
  const clean = value.replace(XML_INVALID, '\uFFFD');
  return clean.length > MAX_CELL ? `${clean.slice(0, MAX_CELL)}… (truncated)` : clean;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Text for an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A cell's text as it goes between `<v>` and `</v>`; most texts need nothing done, one regular expression test says so. */
function cellText(value: string): string {
  if (value.length <= MAX_CELL && !NEEDS_WORK.test(value)) return value;
  return xlsxText(value).replace(/[&<>]/g, (c) => ESCAPES[c] ?? c);
}

/** Column letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Excel's serial date (days since 1899-12-30, UTC), as exceljs wrote it. */
export function excelDate(date: Date): number {
  return 25569 + date.getTime() / 86_400_000;
}

// The workbook's cell formats (cellXfs in styles.xml), by index. The fixed list keeps every cell's style a
// constant: no style lookup per cell.
const NUM_FMTS: readonly NumFmt[] = ['yyyy-mm-dd hh:mm', '0%', '#,##0.00'];
/** Built-in number format ids, and 164 for the one Excel does not have built in. */
const NUM_FMT_ID: Readonly<Record<NumFmt, number>> = { 'yyyy-mm-dd hh:mm': 164, '0%': 9, '#,##0.00': 4 };
const STYLE_BOLD = 1;
const STYLE_FMT: Readonly<Record<NumFmt, number>> = { 'yyyy-mm-dd hh:mm': 2, '0%': 3, '#,##0.00': 4 };
const STYLE_BANNER = 5;
const STYLE_BANNER_FMT: Readonly<Record<NumFmt, number>> = { 'yyyy-mm-dd hh:mm': 6, '0%': 7, '#,##0.00': 8 };

const FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>';
const FONT_WHITE = '<sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/>';
const BANNER_FILL = 'FF232F3E';

function stylesXml(): string {
  const xf = (numFmtId: number, fontId: number, fillId: number): string =>
    `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"` +
    `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}/>`;
  const xfs = [
    xf(0, 0, 0),
    xf(0, 1, 0),
    ...NUM_FMTS.map((f) => xf(NUM_FMT_ID[f], 0, 0)),
    xf(0, 2, 2),
    ...NUM_FMTS.map((f) => xf(NUM_FMT_ID[f], 2, 2)),
  ];
  return (
    XML_DECLARATION +
    `<styleSheet xmlns="${MAIN_NS}">` +
    `<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts>` +
    `<fonts count="3"><font>${FONT}</font><font><b/>${FONT}</font><font><b/>${FONT_WHITE}</font></fonts>` +
    `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
    `<fill><patternFill patternType="solid"><fgColor rgb="${BANNER_FILL}"/></patternFill></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
    `</styleSheet>`
  );
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

const w3cdtf = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

function contentTypesXml(sheets: number): string {
  const sheetTypes = Array.from(
    { length: sheets },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return (
    XML_DECLARATION +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheetTypes +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>'
  );
}

const ROOT_RELS =
  XML_DECLARATION +
  `<Relationships xmlns="${PACKAGE_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

function coreXml(spec: WorkbookSpec): string {
  const when = w3cdtf(spec.created);
  return (
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${escapeXml(spec.creator)}</dc:creator><cp:lastModifiedBy>${escapeXml(spec.creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

function appXml(spec: WorkbookSpec): string {
  const names = spec.sheets.map((s) => `<vt:lpstr>${escapeXml(s.name)}</vt:lpstr>`).join('');
  return (
    XML_DECLARATION +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `<Application>${escapeXml(spec.creator)}</Application>` +
    '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>' +
    `<vt:variant><vt:i4>${spec.sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${spec.sheets.length}" baseType="lpstr">${names}</vt:vector></TitlesOfParts>` +
    '</Properties>'
  );
}

function workbookXml(spec: WorkbookSpec): string {
  const sheets = spec.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return (
    XML_DECLARATION +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<bookViews><workbookView/></bookViews>' +
    `<sheets>${sheets}</sheets>` +
    '</workbook>'
  );
}

function workbookRelsXml(sheets: number): string {
  const rels = Array.from({ length: sheets }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(`<Relationship Id="rId${sheets + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  return XML_DECLARATION + `<Relationships xmlns="${PACKAGE_REL_NS}">${rels.join('')}</Relationships>`;
}

/** Text is handed to the compressor in pieces of about this many characters. */
const PIECE = 256 * 1024;

/** Writes one worksheet's XML through `write`; returns when every row is written. */
async function writeSheet(sheet: SheetSpec, write: (text: string) => Promise<void>): Promise<void> {
  const banner = sheet.header === 'banner';
  const cols = sheet.columns;
  const columnStyle = cols.map((c) => (c.numFmt ? ` s="${STYLE_FMT[c.numFmt]}"` : ''));
  const letters: string[] = cols.map((_, i) => columnLetters(i));
  const letter = (i: number): string => (letters[i] ??= columnLetters(i));

  let head = XML_DECLARATION + `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
  head += banner
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
      '<selection pane="bottomLeft"/></sheetView></sheetViews>'
    : '';
  head += '<sheetFormatPr defaultRowHeight="15"/>';
  // <cols> may not be empty.
  if (cols.length > 0) {
    head += '<cols>';
    cols.forEach((c, i) => {
      head += `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.numFmt ? ` style="${STYLE_FMT[c.numFmt]}"` : ''}/>`;
    });
    head += '</cols>';
  }
  head += '<sheetData>';

  const headerStyle = (c: SheetColumn): number => (banner ? (c.numFmt ? STYLE_BANNER_FMT[c.numFmt] : STYLE_BANNER) : STYLE_BOLD);
  if (cols.length > 0) {
    head += `<row r="1" s="${banner ? STYLE_BANNER : STYLE_BOLD}" customFormat="1">`;
    cols.forEach((c, i) => {
      head += `<c r="${letter(i)}1" s="${headerStyle(c)}" t="str"><v>${cellText(c.header)}</v></c>`;
    });
    head += '</row>';
  }

  let pending = head;
  let n = 1;
  for (const row of sheet.rows) {
    n++;
    const bold = !Array.isArray(row);
    const cells: readonly CellValue[] = Array.isArray(row) ? row : (row as BoldRow).cells;
    if (cells.length === 0) continue;
    let xml = bold ? `<row r="${n}" s="${STYLE_BOLD}" customFormat="1">` : `<row r="${n}">`;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i];
      const style = bold ? ` s="${STYLE_BOLD}"` : (columnStyle[i] ?? '');
      const ref = `${letter(i)}${n}`;
      if (v === null || v === undefined) {
        if (style) xml += `<c r="${ref}"${style}/>`;
      } else if (typeof v === 'string') {
        xml += `<c r="${ref}"${style} t="str"><v>${cellText(v)}</v></c>`;
      } else if (typeof v === 'number') {
        xml += Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : style ? `<c r="${ref}"${style}/>` : '';
      } else if (typeof v === 'boolean') {
        xml += `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
      } else if (v instanceof Date) {
        xml += `<c r="${ref}" s="${STYLE_FMT['yyyy-mm-dd hh:mm']}"><v>${excelDate(v)}</v></c>`;
      } else {
        const value = v.value instanceof Date ? excelDate(v.value) : v.value;
        const s = bold ? STYLE_BOLD : STYLE_FMT[v.numFmt];
        xml += value !== null && Number.isFinite(value) ? `<c r="${ref}" s="${s}"><v>${value}</v></c>` : `<c r="${ref}" s="${s}"/>`;
      }
    }
    pending += `${xml}</row>`;
    if (pending.length >= PIECE) {
      await write(pending);
      pending = '';
    }
  }
  pending += '</sheetData>';
  if (banner) pending += `<autoFilter ref="A1:${letter(Math.max(0, cols.length - 1))}${n}"/>`;
  pending += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  await write(pending);
}

/**
 * Writes the workbook to `out` and ends it. The package parts come first (readers that stream the archive
 * meet the workbook and its styles before the sheets), then each sheet as its rows are produced.
 */
export async function writeWorkbook(spec: WorkbookSpec, out: Writable): Promise<void> {
  // Level 4: at 107,000 findings (90 MB of sheet XML) 9.1 MiB in 0.43 s of CPU; zlib's default (6) 8.3 MiB in 0.8 s.
  const zip = new ZipWriter(out, { modified: spec.created, level: 4 });
  const count = spec.sheets.length;
  await zip.addFile('[Content_Types].xml', contentTypesXml(count));
  await zip.addFile('_rels/.rels', ROOT_RELS);
  await zip.addFile('docProps/app.xml', appXml(spec));
  await zip.addFile('docProps/core.xml', coreXml(spec));
  await zip.addFile('xl/workbook.xml', workbookXml(spec));
  await zip.addFile('xl/_rels/workbook.xml.rels', workbookRelsXml(count));
  await zip.addFile('xl/styles.xml', stylesXml());
  for (const [i, sheet] of spec.sheets.entries()) {
    const entry = await zip.startFile(`xl/worksheets/sheet${i + 1}.xml`);
    await writeSheet(sheet, (text) => entry.write(text));
    await entry.end();
  }
  await zip.finish();
}
