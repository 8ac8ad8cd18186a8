/**
 * Building blocks of the file schemas (snapshot, assessment): the value formats that checks and renderers
 * rely on. A date that is not a date, a currency that Intl refuses or a number that is not finite is a
 * malformed file, reported at the boundary with its path, never a crash later.
 */
import { z } from 'zod';
import type { CollectionError, CollectionErrorKind } from '../observed.js';

const ISO_TIME_RE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** ISO 8601 date or date-time that Date can read (what collectors write with toISOString()). */
export function isIsoTime(value: string): boolean {
  return ISO_TIME_RE.test(value) && !Number.isNaN(Date.parse(value)) && isIsoDate(value.slice(0, 10));
}

/** A real calendar day written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export const isoTime = z.string().refine(isIsoTime, { message: 'not an ISO 8601 date-time' });
export const isoDate = z.string().refine(isIsoDate, { message: 'not a calendar date (YYYY-MM-DD)' });
export const nullableIsoTime = isoTime.nullable();

/** ISO 4217 currency code (three capital letters): Intl.NumberFormat throws on anything else. */
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'not an ISO 4217 currency code (three capital letters)');

export const accountId = z.string().regex(/^\d{12}$/, 'an account id has 12 digits');

/** JSON numbers are finite already; zod also refuses NaN and Infinity. */
export const count = z.number().int().nonnegative();

export const stringList = z.array(z.string());
export const tagMap = z.record(z.string(), z.string());

export const COLLECTION_ERROR_KINDS = [
  'access_denied',
  'not_subscribed',
  'region_disabled',
  'throttled',
  'unsupported',
  'timeout',
  'network',
  'expired_credentials',
  'aborted',
  'not_read',
  'other',
] as const satisfies readonly CollectionErrorKind[];

export const collectionErrorSchema = z.object({
  kind: z.enum(COLLECTION_ERROR_KINDS),
  accountId: z.string(),
  region: z.string(),
  service: z.string(),
  operation: z.string(),
  code: z.string(),
  message: z.string(),
}) satisfies z.ZodType<CollectionError>;

/** `Observed<T>`: `{ok:true, value}` or `{ok:false, error}`. */
export function observed<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: collectionErrorSchema })], {
    error: 'expected an Observed value: {"ok": true, "value": ...} or {"ok": false, "error": {...}}',
  });
}
