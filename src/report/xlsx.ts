/**
 * XLSX output: the completed self-assessment in checklist order (one sheet per case study), blockers,
 * findings, resources with costs and cost totals. Real cell types (numbers, dates), auto-filters and frozen
 * header rows. Written by xlsx-writer.ts row by row (100,000 findings in little memory and a few seconds).
 * Text cells are written as strings, never formulas, so a value such as `=HYPERLINK(...)` stays inert.
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { ITEM_VERDICTS } from '../core/assessment.js';
import { costSourceShort, costSourceText, DELIVERY_LABEL, findingCells, HARDENING_TITLE, ROLE_LABEL, SECTION_LABEL, tagsText, VERDICT_LABEL } from './format.js';
import { accountLabel, accountNameOf, type ReportModel } from './model.js';
import { writeWorkbook, type CellValue, type SheetColumn, type SheetRow, type SheetSpec } from './xlsx-writer.js';

export { xlsxText } from './xlsx-writer.js';

type Cell = CellValue;

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 27)} (${n})`;
  used.add(candidate.toLowerCase());
  return candidate;
}

type Column = SheetColumn;

/** A sheet of one table: banner header, frozen, with an auto-filter. */
function table(sheets: SheetSpec[], name: string, used: Set<string>, columns: readonly Column[], rows: Iterable<readonly Cell[]>): void {
  sheets.push({ name: sheetName(name, used), columns, header: 'banner', rows });
}

/** Streams the workbook to a file name or (render.ts: the safe temp file of io/output-file.ts) a stream, which it ends. */
export async function renderXlsx(m: ReportModel, target: string | Writable): Promise<void> {
  const sheets: SheetSpec[] = [];
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
    ['Readiness', { value: g.readiness.applicable === 0 ? 0 : g.readiness.met / g.readiness.applicable, numFmt: '0%' }],
    ...ITEM_VERDICTS.map((v): Cell[] => [`Items: ${VERDICT_LABEL[v]}`, g.verdicts[v]]),
    [`${HARDENING_TITLE}: failing advisory results`, m.hardening.failing],
    ['Resources', m.resources.count],
    ['Cost, last full month (known accounts)', { value: m.resources.total.amount, numFmt: '#,##0.00' }],
    ['Cost complete', m.resources.total.complete],
  ];
  sheets.push({
    name: sheetName('Summary', used),
    columns: [
      { header: 'Field', width: 38 },
      { header: 'Value', width: 90 },
    ],
    header: 'bold',
    rows: [
      ...summary,
      [],
      { bold: true, cells: ['Section', 'Status'] },
      ...g.sections.map((s): SheetRow => [s.area, SECTION_LABEL[s.status]]),
    ],
  });

  for (const cs of m.selfAssessment.caseStudies) {
    const multi = m.selfAssessment.caseStudies.length > 1;
    table(
      sheets,
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
    sheets,
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
    sheets,
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
    sheets,
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
    sheets,
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
    sheets,
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
    sheets,
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

  const spec = { creator: `${m.tool.name} ${m.tool.version}`, created: new Date(m.generatedAt), sheets };
  if (typeof target !== 'string') return writeWorkbook(spec, target);
  const file = createWriteStream(target);
  const closed = new Promise<void>((resolve, reject) => {
    file.once('close', resolve);
    file.once('error', reject);
  });
  try {
    await writeWorkbook(spec, file);
  } catch (err) {
    file.destroy();
    throw err;
  }
  await closed;
}
