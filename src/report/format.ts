/** Shared wording and number formatting for every report format. */
import type { ItemVerdict } from '../core/assessment.js';
import type { CheckStatus } from '../core/finding.js';
import type { CheckRole } from '../core/framework.js';
import type { ResourceCost } from '../core/assessment.js';
import type { AccountCostLine, FindingRow, SectionStatus } from './model.js';

export const VERDICT_LABEL: Record<ItemVerdict, string> = {
  MET: 'Met',
  NOT_MET: 'Not met',
  NEEDS_EVIDENCE: 'Needs evidence',
  UNKNOWN: 'Unknown',
  NOT_APPLICABLE: 'Not applicable',
};

export const SECTION_LABEL: Record<SectionStatus, string> = { ...VERDICT_LABEL, INFO: 'Context' };

export const STATUS_LABEL: Record<CheckStatus, string> = {
  PASS: 'Pass',
  FAIL: 'Fail',
  MANUAL: 'Manual',
  NOT_APPLICABLE: 'N/A',
  UNKNOWN: 'Unknown',
};

export const ROLE_LABEL: Record<CheckRole, string> = { required: 'Required', evidence: 'Evidence', advisory: 'Advisory' };

/** What a role means for the verdict, for legends in every format. */
export const ROLE_MEANING: Record<CheckRole, string> = {
  required: 'the checklist demands exactly this: a failure makes the item not met, whatever is attested',
  evidence: 'one accepted way of meeting the item: a failure means another accepted way must be attested',
  advisory: 'hardening beyond the checklist: shown apart, never changes the verdict',
};

export const HARDENING_TITLE = 'Hardening beyond the checklist';

export const DELIVERY_LABEL: Record<string, string> = {
  'multi-tenant-saas': 'Multi-tenant SaaS',
  'single-tenant-saas': 'Single-tenant SaaS',
  'managed-service': 'Managed service',
  'customer-deployed': 'Customer-deployed',
};

export function money(amount: number, currency = 'USD'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}

export function costText(cost: ResourceCost | undefined, currency = 'USD'): string {
  if (!cost) return 'unknown';
  switch (cost.status) {
    case 'known':
      return money(cost.monthly, cost.currency || currency);
    case 'not-itemised':
      return 'not itemised';
    case 'unknown':
      return 'unknown';
  }
}

export function costNote(cost: ResourceCost | undefined): string {
  if (!cost) return 'Costs were not collected for this assessment.';
  switch (cost.status) {
    case 'known':
      return 'Estimated monthly cost from Cost Explorer resource-level data (last 14 days, scaled to 30 days).';
    case 'not-itemised':
      return 'Cost Explorer itemises no cost for this resource (free, or not billed per resource).';
    case 'unknown':
      return cost.reason;
  }
}

/** `2026-11-02T09:30:00.000Z` -> `2026-11-02 09:30 UTC`. */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;
}

export function day(iso: string): string {
  return iso.slice(0, 10);
}

export function tagsText(tags: Readonly<Record<string, string>>): string {
  return Object.entries(tags)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

export function compactJson(value: unknown): string {
  const text = JSON.stringify(value);
  return text === '{}' || text === undefined ? '' : text;
}

/** One finding as a flat row, in the column order of the CSV and XLSX findings tables. */
export function findingCells(f: FindingRow): (string | boolean)[] {
  return [
    f.checkId,
    f.status,
    f.severity,
    f.itemIds.join(' '),
    f.accountId,
    f.accountName ?? '',
    f.region ?? 'global',
    f.resourceType,
    f.resourceId,
    f.resourceArn ?? '',
    f.message,
    JSON.stringify(f.evidence),
    f.suppressed,
    f.advisoryFor.join(' '),
  ];
}

/** "+$2.00 (+20%)" against the month before; "n/a" when that month was not read. */
export function monthOverMonth(amount: number, previous: number | null, currency = 'USD'): string {
  if (previous === null) return 'n/a';
  const diff = Math.round((amount - previous) * 100) / 100;
  const sign = diff > 0 ? '+' : diff < 0 ? '-' : '±';
  const pct = previous > 0 ? ` (${sign}${Math.abs(Math.round((diff / previous) * 100))}%)` : previous === 0 && amount > 0 ? ' (new)' : '';
  return `${sign}${money(Math.abs(diff), currency)}${pct}`;
}

/**
 * One sentence on where the cost figures come from, e.g. "Cost Explorer, one read from the management
 * account Management (111122223333) for 4 accounts." Empty when no source is recorded (old assessments).
 */
export function costSourceText(lines: readonly AccountCostLine[], label: (accountId: string) => string = (id) => id): string {
  const byPayer = new Map<string, number>();
  const own: string[] = [];
  for (const l of lines) {
    if (!l.source) continue;
    if (l.source.kind === 'management-account') byPayer.set(l.source.accountId, (byPayer.get(l.source.accountId) ?? 0) + 1);
    else own.push(l.accountId);
  }
  const parts = [...byPayer.entries()].map(
    ([payer, n]) => `one read from the management (payer) account ${label(payer)} for ${n} account${n === 1 ? '' : 's'}`,
  );
  if (own.length > 0) parts.push(`each account's own read for ${own.map(label).join(', ')}`);
  return parts.length === 0 ? '' : `Cost Explorer GetCostAndUsage, ${parts.join('; ')}.`;
}

/** Short form of one account's cost source for table cells: "payer 111122223333" / "own read". */
export function costSourceShort(line: AccountCostLine): string {
  if (!line.source) return '';
  return line.source.kind === 'management-account' && line.source.accountId !== line.accountId ? `payer ${line.source.accountId}` : 'own read';
}
