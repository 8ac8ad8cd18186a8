/**
 * Evidence for people: a finding's structured evidence (any JSON object a check wrote) as key/value lines
 * and small tables, with readable reasons for what could not be read ("eu-west-1, us-east-1: ListWorkloads,
 * the API is not available (500)") and long lists collapsed with a count. HTML, PDF and Markdown use it;
 * JSON, CSV and XLSX keep the structured form. Pure and generic: no check-specific code, so a new check's
 * evidence reads well without touching this file.
 */
import type { CollectionErrorKind } from '../core/observed.js';
import { dateTime } from './format.js';

/** A list longer than this shows its first items and "and N more". */
export const EVIDENCE_LIST_LIMIT = 5;
/** Rows of a small table before "and N more". */
export const EVIDENCE_TABLE_LIMIT = 5;
const TEXT_LIMIT = 240;

export interface EvidenceTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Rows left out (the structured evidence in the JSON/CSV/XLSX has them all). */
  readonly more: number;
}

/** One line of evidence: a label and either a value or a small table. */
export interface EvidenceEntry {
  readonly key: string;
  readonly value?: string;
  readonly table?: EvidenceTable;
}

const KIND_PHRASE: Record<CollectionErrorKind, string> = {
  access_denied: 'access denied (grant the scanner this read)',
  not_subscribed: 'the service is not enabled or not subscribed',
  region_disabled: 'the region is not enabled',
  throttled: 'still throttled after retries',
  unsupported: 'the API is not available',
  timeout: 'timed out',
  network: 'the endpoint could not be reached',
  expired_credentials: 'the credentials expired',
  aborted: 'the scan was interrupted',
  not_read: 'not read (posture-only region: AWS Config counts no such resource there)',
  other: 'the read failed',
};

const ACRONYMS: Readonly<Record<string, string>> = {
  gib: 'GiB', acl: 'ACL', acls: 'ACLs', arn: 'ARN', arns: 'ARNs', az: 'AZ', ebs: 'EBS', ec2: 'EC2', iam: 'IAM', id: 'ID', ids: 'IDs',
  ip: 'IP', kms: 'KMS', mfa: 'MFA', oidc: 'OIDC', pitr: 'PITR', rds: 'RDS', s3: 'S3', saml: 'SAML', sse: 'SSE', ssl: 'SSL', tls: 'TLS',
  url: 'URL', vpc: 'VPC', aws: 'AWS', cidr: 'CIDR', ipv4: 'IPv4', ipv6: 'IPv6', sg: 'SG',
};

/** `accountMfaEnabled` -> `Account MFA enabled`; keys that are already words are kept. */
export function evidenceLabel(key: string): string {
  if (/\s/.test(key)) return key;
  const words = key
    .replace(/GiB/g, 'Gib')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((w) => ACRONYMS[w.toLowerCase()] ?? w.toLowerCase());
  const first = words[0] ?? key;
  words[0] = /^[A-Z0-9]{2,}/.test(first) ? first : first.charAt(0).toUpperCase() + first.slice(1);
  return words.join(' ');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrimitive = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** A collection error as checks put it in evidence (`{kind, code, service?, operation?}`). */
function isCollectionError(v: unknown): v is { kind: CollectionErrorKind; code?: unknown; service?: unknown; operation?: unknown } {
  return isRecord(v) && typeof v.kind === 'string' && v.kind in KIND_PHRASE && ('code' in v || 'operation' in v);
}

/** "ListWorkloads, the API is not available (500)". */
export function readableError(e: { kind: CollectionErrorKind; code?: unknown; service?: unknown; operation?: unknown }): string {
  const code = typeof e.code === 'string' && e.code ? ` (${e.code})` : '';
  const op = typeof e.operation === 'string' && e.operation ? `${typeof e.service === 'string' && e.service ? `${e.service}:` : ''}${e.operation}, ` : '';
  return `${op}${KIND_PHRASE[e.kind]}${code}`;
}

function clip(text: string): string {
  return text.length > TEXT_LIMIT ? `${text.slice(0, TEXT_LIMIT - 1)}…` : text;
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'none';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  // Ports and counts stay plain; only large figures get separators.
  if (typeof v === 'number') return Number.isFinite(v) && Math.abs(v) >= 100_000 ? v.toLocaleString('en-US') : String(v);
  if (typeof v === 'string') return clip(/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(v) ? dateTime(v) : v);
  return clip(JSON.stringify(v) ?? '');
}

/** "a, b, c, d, e and 12 more". */
export function collapsedList(values: readonly string[], limit = EVIDENCE_LIST_LIMIT): string {
  if (values.length === 0) return 'none';
  const shown = values.slice(0, limit).join(', ');
  return values.length > limit ? `${shown} and ${values.length - limit} more` : shown;
}

/** Where an unreadable entry was (region, resource, ...): the first string field that names a place. */
function placeOf(item: Record<string, unknown>): string | null {
  for (const key of ['region', 'what', 'location', 'resource', 'account', 'accountId']) {
    const v = item[key];
    if (typeof v === 'string' && v) return v;
  }
  return null;
}

/**
 * Items that each carry a reason (a collection error or a sentence) grouped by reason:
 * "eu-west-1, us-east-1: ListWorkloads, the API is not available (500)". Null when the list is not of that shape.
 */
function groupedReasons(items: readonly unknown[]): string | null {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    if (!isRecord(item)) return null;
    const reason = item.reason ?? item.error;
    const text = isCollectionError(reason) ? readableError(reason) : typeof reason === 'string' ? reason : null;
    if (text === null) return null;
    const places = groups.get(text) ?? [];
    const place = placeOf(item);
    if (place) places.push(place);
    groups.set(text, places);
  }
  return [...groups.entries()].map(([reason, places]) => (places.length > 0 ? `${collapsedList(places)}: ${reason}` : reason)).join('; ');
}

/** A flat object as "Key: value, Key: value" (one level; deeper values as compact text). */
function inlineObject(obj: Record<string, unknown>): string {
  const parts = Object.entries(obj).map(([k, v]) => `${evidenceLabel(k)}: ${Array.isArray(v) ? collapsedList(v.map(scalar)) : isRecord(v) ? (isCollectionError(v) ? readableError(v) : scalar(v)) : scalar(v)}`);
  return parts.length === 0 ? 'none' : clip(parts.join(', '));
}

function cellText(v: unknown): string {
  if (Array.isArray(v)) return collapsedList(v.map((x) => (isRecord(x) ? inlineObject(x) : scalar(x))), 3);
  if (isRecord(v)) return isCollectionError(v) ? readableError(v) : inlineObject(v);
  return scalar(v);
}

function tableOf(items: readonly Record<string, unknown>[]): EvidenceTable {
  const keys: string[] = [];
  for (const item of items.slice(0, EVIDENCE_TABLE_LIMIT)) for (const k of Object.keys(item)) if (!keys.includes(k)) keys.push(k);
  return {
    columns: keys.map(evidenceLabel),
    rows: items.slice(0, EVIDENCE_TABLE_LIMIT).map((item) => keys.map((k) => (k in item ? cellText(item[k]) : ''))),
    more: Math.max(0, items.length - EVIDENCE_TABLE_LIMIT),
  };
}

function entryFor(key: string, value: unknown): EvidenceEntry {
  if (key === 'collectionError' && isCollectionError(value)) return { key: 'Could not read', value: readableError(value) };
  if (isCollectionError(value)) return { key: evidenceLabel(key), value: readableError(value) };
  if (Array.isArray(value)) {
    const label = key === 'unreadable' ? 'Could not read' : evidenceLabel(key);
    if (value.length === 0) return { key: label, value: 'none' };
    if (value.every(isPrimitive)) return { key: label, value: collapsedList(value.map(scalar)) };
    const grouped = groupedReasons(value);
    if (grouped !== null) return { key: key === 'unreadable' ? 'Could not read' : evidenceLabel(key), value: grouped };
    if (value.every(isRecord)) return { key: evidenceLabel(key), table: tableOf(value) };
    return { key: evidenceLabel(key), value: collapsedList(value.map(cellText)) };
  }
  if (isRecord(value)) return { key: evidenceLabel(key), value: inlineObject(value) };
  return { key: evidenceLabel(key), value: scalar(value) };
}

/** The evidence as entries, in the check's key order; an empty object gives none. */
export function evidenceEntries(evidence: Readonly<Record<string, unknown>>): EvidenceEntry[] {
  return Object.entries(evidence).map(([k, v]) => entryFor(k, v));
}

/** One-line form for Markdown and narrow places: "Key: value · Key: a table of 3 rows (…)". */
export function evidenceText(evidence: Readonly<Record<string, unknown>>): string {
  return evidenceEntries(evidence)
    .map((e) =>
      e.table
        ? `${e.key}: ${e.table.rows.map((r) => r.map((c, i) => `${e.table?.columns[i] ?? ''} ${c}`).join(', ')).join('; ')}${e.table.more ? ` and ${e.table.more} more` : ''}`
        : `${e.key}: ${e.value ?? ''}`,
    )
    .join(' · ');
}
