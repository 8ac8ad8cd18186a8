/** `ftr history`: the stored assessments (or scans), newest first. */
import { EXIT } from '../../core/errors.js';
import type { StoredAssessment } from '../../store/repositories/assessments.js';
import type { StoredScan } from '../../store/repositories/scans.js';
import { terminalSafe, withStore, type DbOption } from '../store-access.js';

export interface HistoryCommandOptions {
  readonly db: DbOption;
  readonly frameworkId?: string | undefined;
  readonly scopeName?: string | undefined;
  readonly limit?: number | undefined;
  readonly scans?: boolean;
  readonly json?: boolean;
  readonly write?: (text: string) => void;
}

interface Column<T> {
  readonly header: string;
  readonly right?: boolean;
  readonly value: (row: T) => string;
}

function table<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  const cells = [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => terminalSafe(c.value(r))))];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  return cells
    .map((row) =>
      row
        .map((cell, i) => (columns[i]?.right ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

const minute = (iso: string) => iso.replace('T', ' ').slice(0, 16);
const percent = (met: number, applicable: number) => (applicable === 0 ? '-' : `${Math.round((met / applicable) * 100)}%`);

const ASSESSMENT_COLUMNS: readonly Column<StoredAssessment>[] = [
  { header: 'ID', right: true, value: (a) => String(a.id) },
  { header: 'GENERATED (UTC)', value: (a) => minute(a.generatedAt) },
  { header: 'FRAMEWORK', value: (a) => a.frameworkId },
  { header: 'SCOPE', value: (a) => a.scopeName ?? '-' },
  { header: 'READINESS', right: true, value: (a) => `${a.readiness.met}/${a.readiness.applicable} ${percent(a.readiness.met, a.readiness.applicable)}` },
  { header: 'MET', right: true, value: (a) => String(a.items.MET) },
  { header: 'NOT_MET', right: true, value: (a) => String(a.items.NOT_MET) },
  { header: 'NEEDS_EV', right: true, value: (a) => String(a.items.NEEDS_EVIDENCE) },
  { header: 'UNKNOWN', right: true, value: (a) => String(a.items.UNKNOWN) },
  { header: 'FAILS', right: true, value: (a) => String(a.findings.fail) },
  { header: 'SCAN', right: true, value: (a) => (a.scanId === null ? '-' : `#${a.scanId}`) },
  { header: 'NOTE', value: (a) => (a.snapshotComplete ? '' : 'incomplete scan') },
];

const SCAN_COLUMNS: readonly Column<StoredScan>[] = [
  { header: 'ID', right: true, value: (s) => String(s.id) },
  { header: 'FINISHED (UTC)', value: (s) => minute(s.finishedAt) },
  { header: 'MODE', value: (s) => s.mode },
  { header: 'ACCOUNTS', right: true, value: (s) => String(s.accountCount) },
  { header: 'REGIONS', right: true, value: (s) => String(s.regionCount) },
  { header: 'CALLS', right: true, value: (s) => String(s.apiCalls) },
  { header: 'FAILED READS', right: true, value: (s) => String(s.failedReads) },
  { header: 'PRINCIPAL', value: (s) => s.principalArn },
  { header: 'NOTE', value: (s) => (s.complete ? '' : `incomplete: ${s.interruption ?? ''}`) },
];

export async function historyCommand(options: HistoryCommandOptions): Promise<number> {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  await withStore(options.db, async (store) => {
    if (options.scans === true) {
      const scans = await store.scans.list({ limit: options.limit ?? 50 });
      if (options.json === true) write(`${JSON.stringify(scans, null, 2)}\n`);
      else write(scans.length === 0 ? `No scans in ${store.description}.\n` : `${table(SCAN_COLUMNS, scans)}\n`);
      return;
    }
    const assessments = await store.assessments.list({
      ...(options.frameworkId !== undefined ? { frameworkId: options.frameworkId } : {}),
      ...(options.scopeName !== undefined ? { scopeName: options.scopeName === '' ? null : options.scopeName } : {}),
      limit: options.limit ?? 50,
    });
    if (options.json === true) {
      write(`${JSON.stringify(assessments, null, 2)}\n`);
      return;
    }
    if (assessments.length === 0) {
      write(`No assessments in ${store.description}. Record one with \`ftr evaluate <snapshot> --db\` or \`ftr import <assessment.json>\`.\n`);
      return;
    }
    write(`${table(ASSESSMENT_COLUMNS, assessments)}\n`);
  });
  return EXIT.ok;
}
