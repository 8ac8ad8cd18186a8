/**
 * CSV output (RFC 4180) with a formula-injection-safe cell encoder: a text cell that a spreadsheet would
 * run as a formula (starting with =, +, -, @, tab or carriage return) is prefixed with a single quote.
 */
import { costText, findingCells, tagsText } from './format.js';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
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

/** The findings' lines (header first), attention first (FAIL, UNKNOWN, MANUAL, PASS, N/A). */
export function* findingsCsvLines(model: ReportModel): Generator<string> {
  yield csvLine(FINDINGS_HEADER);
  for (const f of model.findings) yield csvLine(findingCells(f));
}

export const RESOURCES_HEADER = ['account_id', 'account_name', 'region', 'resource_type', 'resource_id', 'resource_arn', 'name', 'tags', 'monthly_cost', 'cost_status', 'cost_note'] as const;

/** The resource inventory's lines with costs (header first): a companion file to the findings CSV. */
export function* resourcesCsvLines(model: ReportModel): Generator<string> {
  yield csvLine(RESOURCES_HEADER);
  for (const r of model.resources.rows) {
    const cost = r.cost;
    yield csvLine([
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
    ]);
  }
}

const CHUNK = 1 << 16;

/**
 * Streams CSV lines to a file in 64 KiB chunks, waiting for the stream to drain: memory stays flat however
 * many findings there are (render.ts writes both CSV files this way). Ends the stream.
 */
export async function writeCsv(stream: Writable, lines: Iterable<string>): Promise<void> {
  let chunk = '';
  for (const line of lines) {
    chunk += `${line}\r\n`;
    if (chunk.length >= CHUNK) {
      if (!stream.write(chunk)) await once(stream, 'drain');
      chunk = '';
    }
  }
  stream.end(chunk);
}

/** The findings CSV as one string (small reports and tests; render.ts streams with writeCsv). */
export function renderFindingsCsv(model: ReportModel): string {
  return `${[...findingsCsvLines(model)].join('\r\n')}\r\n`;
}

/** The resources CSV as one string. */
export function renderResourcesCsv(model: ReportModel): string {
  return `${[...resourcesCsvLines(model)].join('\r\n')}\r\n`;
}
