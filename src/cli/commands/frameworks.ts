/**
 * `ftr frameworks`: the catalogs ftr-ready can evaluate, with their versions and item counts.
 */
import { frameworkSummaries, type FrameworkSummary } from '../../frameworks/index.js';

interface Column {
  readonly header: string;
  readonly align: 'left' | 'right';
  readonly value: (summary: FrameworkSummary) => string;
}

const COLUMNS: readonly Column[] = [
  { header: 'ID', align: 'left', value: (s) => s.id },
  { header: 'VERSION', align: 'left', value: (s) => s.version },
  { header: 'CHECKLIST', align: 'left', value: (s) => s.checklistVersion },
  { header: 'RELEASED', align: 'left', value: (s) => s.releaseDate },
  { header: 'ITEMS', align: 'right', value: (s) => String(s.items - s.notPresentInSource) },
  { header: 'AUTO', align: 'right', value: (s) => String(s.byAutomation.auto) },
  { header: 'PARTIAL', align: 'right', value: (s) => String(s.byAutomation.partial) },
  { header: 'MANUAL', align: 'right', value: (s) => String(s.byAutomation.manual) },
  { header: 'TITLE', align: 'left', value: (s) => s.title },
];

function notes(summary: FrameworkSummary): string[] {
  const parts: string[] = [];
  const { technical, prerequisite, documentation } = summary.byKind;
  if (prerequisite > 0 || documentation > 0) {
    parts.push(`${technical} technical, ${prerequisite} prerequisite, ${documentation} documentation`);
  }
  if (summary.legacy > 0) parts.push(`${summary.legacy} legacy`);
  if (summary.gatingQuestions > 0) parts.push(`${summary.gatingQuestions} gating questions`);
  if (summary.notPresentInSource > 0) parts.push(`${summary.notPresentInSource} numbering gap(s) shown, not counted`);
  return parts;
}

/** The table `ftr frameworks` prints: one row per catalog, then a line of notes per catalog. */
export function formatFrameworkList(): string {
  const summaries = frameworkSummaries();
  const rows = [COLUMNS.map((column) => column.header), ...summaries.map((summary) => COLUMNS.map((column) => column.value(summary)))];
  const widths = COLUMNS.map((_, index) => Math.max(...rows.map((row) => (row[index] ?? '').length)));
  const lines = rows.map((row) =>
    row
      .map((cell, index) => {
        const width = widths[index] ?? cell.length;
        const last = index === COLUMNS.length - 1;
        if (COLUMNS[index]?.align === 'right') return cell.padStart(width);
        return last ? cell : cell.padEnd(width);
      })
      .join('  '),
  );
  const noteLines = summaries.flatMap((summary) => {
    const parts = notes(summary);
    return parts.length > 0 ? [`  ${summary.id}: ${parts.join('; ')}`] : [];
  });
  return [...lines, ...(noteLines.length > 0 ? ['', ...noteLines] : [])].join('\n');
}
