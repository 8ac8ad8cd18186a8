/**
 * Date rules for attestations. Dates are calendar days (YYYY-MM-DD, UTC). An attestation dated D under a
 * rule of N months ("rehearsed within the last 12 months") expires on D + N months and is valid through
 * that day; from the next day on it is expired. Month arithmetic clamps to the month's last day
 * (2025-01-31 + 1 month = 2025-02-28).
 */
import type { FrameworkItem } from '../core/framework.js';
import type { ItemAttestation } from './types.js';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** D + N calendar months, clamped to the end of the month. */
export function addMonths(date: string, months: number): string {
  const m = DATE_RE.exec(date);
  if (!m || !isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Number(m[3]), daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The UTC calendar day of an ISO timestamp (or of a YYYY-MM-DD date). */
export function dayOf(isoTime: string): string {
  if (DATE_RE.test(isoTime)) return isoTime;
  const t = new Date(isoTime);
  if (Number.isNaN(t.getTime())) throw new RangeError(`Not an ISO time: ${isoTime}`);
  return t.toISOString().slice(0, 10);
}

/** The item's freshness rule in months: the strictest `expiresAfterMonths` of its evidence requests. */
export function itemExpiryMonths(item: Pick<FrameworkItem, 'evidence'>): number | null {
  const months = item.evidence.map((e) => e.expiresAfterMonths).filter((m): m is number => typeof m === 'number');
  return months.length > 0 ? Math.min(...months) : null;
}

/** The effective expiry: the earlier of the rule's (date + months) and the file's explicit `expires`. */
export function attestationExpiry(attestation: Pick<ItemAttestation, 'date' | 'expires'>, item: Pick<FrameworkItem, 'evidence'>): string | null {
  const months = itemExpiryMonths(item);
  const byRule = months === null ? null : addMonths(attestation.date, months);
  const candidates = [byRule, attestation.expires].filter((d): d is string => d !== null).sort();
  return candidates[0] ?? null;
}

/** Expired when today (UTC) is after the last valid day. */
export function isExpired(expires: string | null, now: string): boolean {
  return expires !== null && dayOf(now) > expires;
}
