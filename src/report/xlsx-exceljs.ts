/**
 * XLSX output (exceljs streaming writer, so 100,000 findings fit in little memory): the completed
 * self-assessment in checklist order (one sheet per case study), blockers, findings, resources with costs
 * and cost totals. Real cell types (numbers, dates), auto-filters and frozen header rows.
 * Text cells are written as strings, never formulas, so a value such as `=HYPERLINK(...)` stays inert.
 */
import ExcelJS from 'exceljs';
import { ITEM_VERDICTS } from '../core/assessment.js';
import { costSourceShort, costSourceText, DELIVERY_LABEL, findingCells, HARDENING_TITLE, ROLE_LABEL, SECTION_LABEL, tagsText, VERDICT_LABEL } from './format.js';
import { accountLabel, accountNameOf, type ReportModel } from './model.js';
import type { Writable } from 'node:stream';

type Cell = string | number | Date | boolean | null;

const MAX_CELL = 32_000;
// Characters XML 1.0 cannot carry; Excel refuses files that contain them.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** A text cell safe for XLSX: no XML-invalid characters, within Excel's cell limit. */
function xlsxText(value: string): string {
  const clean = value.replace(XML_INVALID, '\uFFFD');
  return clean.length > MAX_CELL ? `${clean.slice(0, MAX_CELL)}… (truncated)` : clean;
}

const cell = (v: Cell): Cell => (typeof v === 'string' ? xlsxText(v) : v);
const XML_INVALID_ANY = new RegExp(XML_INVALID.source);

/**
 * A row's cells made safe for XLSX. One test over the row's text decides whether any cell needs cleaning:
 * 1.5 million cells one regular expression at a time cost half a second.
 */
function safeRow(row: readonly Cell[]): Cell[] {
  let text = '';
  let long = false;
  for (const v of row) {
    if (typeof v !== 'string') continue;
    text += v;
    if (v.length > MAX_CELL) long = true;
  }
  return long || XML_INVALID_ANY.test(text) ? row.map(cell) : [...row];
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 27)} (${n})`;
  used.add(candidate.toLowerCase());
  return candidate;
}

interface Column {
  readonly header: string;
  readonly width: number;
  readonly numFmt?: string;
}

function table(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  used: Set<string>,
  columns: readonly Column[],
  rows: Iterable<readonly Cell[]>,
): void {
  const ws = wb.addWorksheet(sheetName(name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  const header = ws.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF232F3E' } };
  header.commit();
  // exceljs looks a cell's style up by object identity before serialising it to find its id (a WeakMap),
  // and gives every new cell a fresh style object: 1.5 million cells meant 1.5 million style serialisations
  // (a third of the sheet's time). Cells of one column and value kind share one style object instead;
  // the style ids written are the same.
  const shared = columns.map(() => new Map<string, Partial<ExcelJS.Style>>());
  let count = 0;
  for (const r of rows) {
    const row = ws.addRow(safeRow(r));
    for (let i = 0; i < r.length; i++) {
      const v = r[i];
      const kind = v === null || v === undefined ? 'null' : v instanceof Date ? 'date' : typeof v;
      const byKind = shared[i];
      if (!byKind) continue;
      const target = row.getCell(i + 1);
      const style = byKind.get(kind);
      if (style) target.style = style;
      else byKind.set(kind, target.style);
    }
    row.commit();
    count++;
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, count + 1), column: columns.length } };
  ws.commit();
}

/** Streams the workbook to a file name or (render.ts: the safe temp file of io/output-file.ts) a stream, which it ends. */
export async function renderXlsxWithExceljs(m: ReportModel, target: string | Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof target === 'string' ? { filename: target } : { stream: target }),
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = `${m.tool.name} ${m.tool.version}`;
  wb.created = new Date(m.generatedAt);
  const used = new Set<string>();
  const g = m.glance;

  const summary: Cell[][] = [
    ['Report', m.framework.title],
    ['Scope', m.scope.name ?? ''],
    ['Case study', m.caseStudy?.name ?? ''],
    ['Generated', new Date(m.generatedAt)],
    ['Tool', `${m.tool.name} ${m.tool.version}`],
    ['Catalog', `${m.framework.id} ${m.framework.version}`],
    ['AWS checklist version', m.framework.checklistVersion],
    ['Delivery category', DELIVERY_LABEL[m.deliveryCategory] ?? m.deliveryCategory],
    ['Principal', m.scope.principal],
    ['Accounts', m.scope.accounts.map((a) => accountLabel(m, a)).join(', ')],
    ['Regions', m.scope.regions.join(', ')],
    ['Scan started', new Date(m.scope.scanStartedAt)],
    ['Scan finished', new Date(m.scope.scanFinishedAt)],
    ['Snapshot complete', m.scope.snapshotComplete],
    ['Items met', g.readiness.met],
    ['Applicable items', g.readiness.applicable],
    ['Readiness', g.readiness.applicable === 0 ? 0 : g.readiness.met / g.readiness.applicable],
    ...ITEM_VERDICTS.map((v): Cell[] => [`Items: ${VERDICT_LABEL[v]}`, g.verdicts[v]]),
    [`${HARDENING_TITLE}: failing advisory results`, m.hardening.failing],
    ['Resources', m.resources.count],
    ['Cost, last full month (known accounts)', m.resources.total.amount],
    ['Cost complete', m.resources.total.complete],
  ];
  {
    const ws = wb.addWorksheet(sheetName('Summary', used));
    ws.columns = [
      { header: 'Field', width: 38 },
      { header: 'Value', width: 90 },
    ];
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for (const r of summary) {
      const row = ws.addRow(safeRow(r));
      const v = r[1];
      if (v instanceof Date) row.getCell(2).numFmt = 'yyyy-mm-dd hh:mm';
      if (r[0] === 'Readiness') row.getCell(2).numFmt = '0%';
      if (r[0] === 'Cost, last full month (known accounts)') row.getCell(2).numFmt = '#,##0.00';
      row.commit();
    }
    ws.addRow([]).commit();
    const h = ws.addRow(['Section', 'Status']);
    h.font = { bold: true };
    h.commit();
    for (const s of g.sections) ws.addRow([xlsxText(s.area), SECTION_LABEL[s.status]]).commit();
    ws.commit();
  }

  for (const cs of m.selfAssessment.caseStudies) {
    const multi = m.selfAssessment.caseStudies.length > 1;
    table(
      wb,
      multi ? `SA - ${cs.name}` : 'Self-assessment',
      used,
      [
        { header: 'Item', width: 12 },
        { header: 'Requirement', width: 48 },
        { header: 'Section', width: 30 },
        { header: 'Met', width: 6 },
        { header: 'Verdict', width: 16 },
        { header: 'Why', width: 80 },
        { header: 'Evidence', width: 100 },
      ],
      cs.rows.map((r) => [r.itemId, r.title, r.area, r.met, VERDICT_LABEL[r.verdict], r.reason, r.evidence]),
    );
  }

  table(
    wb,
    'Item checks',
    used,
    [
      { header: 'Item', width: 12 },
      { header: 'Verdict', width: 16 },
      { header: 'Check', width: 44 },
      { header: 'Role', width: 11 },
      { header: 'Why this role', width: 90 },
      { header: 'Severity', width: 10 },
      { header: 'Pass', width: 7 },
      { header: 'Fail', width: 7 },
      { header: 'Manual', width: 8 },
      { header: 'N/A', width: 7 },
      { header: 'Unknown', width: 9 },
    ],
    m.sections.flatMap((s) =>
      s.items.flatMap((i) =>
        i.checks.map((c): Cell[] => [
          i.itemId,
          VERDICT_LABEL[i.verdict],
          c.id,
          c.role ? ROLE_LABEL[c.role] : '',
          c.rationale ?? '',
          c.severity,
          c.counts.PASS,
          c.counts.FAIL,
          c.counts.MANUAL,
          c.counts.NOT_APPLICABLE,
          c.counts.UNKNOWN,
        ]),
      ),
    ),
  );

  table(
    wb,
    'Blockers',
    used,
    [
      { header: 'Rank', width: 6 },
      { header: 'Severity', width: 10 },
      { header: 'Item', width: 12 },
      { header: 'Title', width: 48 },
      { header: 'Section', width: 30 },
      { header: 'Verdict', width: 16 },
      { header: 'Failing or unknown results', width: 14 },
      { header: 'Why', width: 100 },
    ],
    g.blockers.map((b) => [b.rank, b.severity, b.itemId, b.title, b.area, VERDICT_LABEL[b.verdict], b.failingResources, b.reason]),
  );

  table(
    wb,
    'Hardening',
    used,
    [
      { header: 'Severity', width: 10 },
      { header: 'Check', width: 44 },
      { header: 'Title', width: 60 },
      { header: 'Advisory for', width: 90 },
      { header: 'Also decides', width: 16 },
      { header: 'Fail', width: 7 },
      { header: 'Unknown', width: 9 },
      { header: 'Pass', width: 7 },
    ],
    m.hardening.checks.map((c): Cell[] => [
      c.severity,
      c.id,
      c.title,
      c.items.map((i) => `${i.itemId}: ${i.rationale}`).join('\n'),
      c.decidesItems.join(' '),
      c.counts.FAIL,
      c.counts.UNKNOWN,
      c.counts.PASS,
    ]),
  );

  table(
    wb,
    'Findings',
    used,
    [
      { header: 'Check', width: 42 },
      { header: 'Status', width: 10 },
      { header: 'Severity', width: 10 },
      { header: 'Items', width: 18 },
      { header: 'Account', width: 15 },
      { header: 'Account name', width: 24 },
      { header: 'Region', width: 14 },
      { header: 'Resource type', width: 28 },
      { header: 'Resource', width: 40 },
      { header: 'ARN', width: 50 },
      { header: 'Message', width: 80 },
      { header: 'Evidence', width: 60 },
      { header: 'Suppressed', width: 11 },
      { header: 'Advisory for (hardening)', width: 22 },
    ],
    (function* () {
      for (const f of m.findings) {
        yield findingCells(f);
      }
    })(),
  );

  table(
    wb,
    'Resources',
    used,
    [
      { header: 'Account', width: 15 },
      { header: 'Account name', width: 24 },
      { header: 'Region', width: 14 },
      { header: 'Type', width: 30 },
      { header: 'Resource', width: 36 },
      { header: 'ARN', width: 50 },
      { header: 'Name', width: 28 },
      { header: 'Tags', width: 50 },
      { header: 'Monthly cost', width: 14, numFmt: '#,##0.00' },
      { header: 'Cost status', width: 13 },
      { header: 'Cost note', width: 70 },
    ],
    (function* () {
      for (const r of m.resources.rows) {
        const c = r.cost;
        yield [
          r.accountId,
          accountNameOf(m, r.accountId),
          r.region ?? 'global',
          r.resourceType,
          r.resourceId,
          r.resourceArn ?? '',
          r.name ?? '',
          tagsText(r.tags),
          c?.status === 'known' ? c.monthly : null,
          c?.status ?? 'unknown',
          c?.status === 'unknown' ? c.reason : c ? '' : 'Costs were not collected.',
        ];
      }
    })(),
  );

  const res = m.resources;
  table(
    wb,
    'Costs',
    used,
    [
      { header: 'Kind', width: 10 },
      { header: 'Account or service', width: 50 },
      { header: 'Account name', width: 24 },
      { header: `Last full month (${res.currency})`, width: 22, numFmt: '#,##0.00' },
      { header: `Month before (${res.currency})`, width: 20, numFmt: '#,##0.00' },
      { header: 'Source', width: 34 },
      { header: 'Top services', width: 60 },
      { header: 'Note', width: 80 },
    ],
    [
      ...res.accountTotals.map((a): Cell[] =>
        a.status === 'known'
          ? [
              'account',
              a.accountId,
              a.name ?? '',
              a.amount,
              a.previousAmount ?? null,
              costSourceShort(a),
              (a.topServices ?? []).map((t) => `${t.key} ${t.amount.toFixed(2)}`).join('; '),
              '',
            ]
          : ['account', a.accountId, a.name ?? '', null, null, costSourceShort(a), '', `unknown: ${a.reason}`],
      ),
      ...res.serviceTotals.map((s): Cell[] => ['service', s.key, '', s.amount, null, '', '', '']),
      [
        'total',
        res.total.complete ? 'all accounts' : 'accounts with known costs',
        '',
        res.total.amount,
        null,
        costSourceText(res.accountTotals),
        '',
        res.period ? `${res.period.start} to ${res.period.end}${res.previousPeriod ? `; month before ${res.previousPeriod.start} to ${res.previousPeriod.end}` : ''}` : '',
      ],
      ...(res.itemised?.status === 'unknown'
        ? [['itemised', 'per resource', '', null, null, '', '', `unknown: ${res.itemised.reason} ${res.itemised.howToEnable}`] as Cell[]]
        : []),
    ],
  );

  await wb.commit();
}
