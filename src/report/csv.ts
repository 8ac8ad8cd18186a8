/**
 * CSV output (RFC 4180) with a formula-injection-safe cell encoder: a text cell that a spreadsheet would
 * run as a formula (starting with =, +, -, @, tab or carriage return) is prefixed with a single quote.
 */
import { costText, findingCells, tagsText } from './format.js';
import { accountNameOf, type ReportModel } from './model.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Encodes one cell: numbers as they are, text neutralised against formulas and quoted when needed. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

export const FINDINGS_HEADER = [
  'check_id',
  'status',
  'severity',
  'item_ids',
  'account_id',
  'account_name',
  'region',
  'resource_type',
  'resource_id',
  'resource_arn',
  'message',
  'evidence',
  'suppressed',
  'advisory_for',
] as const;

/** The findings, one line each, attention first (FAIL, UNKNOWN, MANUAL, PASS, N/A). */
export function renderFindingsCsv(model: ReportModel): string {
  const lines = [csvLine(FINDINGS_HEADER)];
  for (const f of model.findings) {
    lines.push(
      csvLine(findingCells(f)),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The resource inventory with costs (a companion file to the findings CSV). */
export function renderResourcesCsv(model: ReportModel): string {
  const lines = [csvLine(['account_id', 'account_name', 'region', 'resource_type', 'resource_id', 'resource_arn', 'name', 'tags', 'monthly_cost', 'cost_status', 'cost_note'])];
  for (const r of model.resources.rows) {
    const cost = r.cost;
    lines.push(
      csvLine([
        r.accountId,
        accountNameOf(model, r.accountId),
        r.region ?? 'global',
        r.resourceType,
        r.resourceId,
        r.resourceArn ?? '',
        r.name ?? '',
        tagsText(r.tags),
        cost?.status === 'known' ? cost.monthly : null,
        cost?.status ?? 'unknown',
        cost?.status === 'unknown' ? cost.reason : cost ? costText(cost) : 'costs not collected',
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
