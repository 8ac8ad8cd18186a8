/**
 * applyScope(snapshot, scope): the part of a scan one workload (or one case study) covers. Pure; the input
 * is not modified. What is filtered (docs/scopes.md):
 *   - accounts: only the scope's accounts are kept (a scope account the scan did not cover is simply absent);
 *   - regions: when the scope names regions, other regions' regional slices are dropped and those regions
 *     are marked `scanned: false`; global slices (IAM, S3 listing, account settings) are always kept;
 *   - tags and stacks: inside every slice, a resource record (an object in a list) that carries tags
 *     (a `tags` field holding a key->value map, a list of {Key,Value}, or an Observed of either) is kept
 *     only when it matches every tag key of the scope (any of its values) and, with `stacks`, when its
 *     `aws:cloudformation:stack-name` tag names one of the stacks. A CloudFormation stack record
 *     (`stackName` + `stackId`) matches `stacks` by its own name. Records whose tags could not be read are
 *     kept (they stay visible as UNKNOWN rather than vanish). Records without tag data, and account- or
 *     region-level settings (password policy, GuardDuty detectors, Config recorders), are never filtered
 *     by tags: they describe the account, not a resource of the workload.
 *   - snapshot.errors and snapshot.operations follow the kept accounts and regions.
 */
import type { Observed } from '../core/observed.js';
import type { AccountSnapshot, RegionalSnapshot, Snapshot } from '../core/snapshot.js';
import type { Scope } from './types.js';

export const STACK_NAME_TAG = 'aws:cloudformation:stack-name';

type TagRead = { readonly kind: 'tags'; readonly tags: Readonly<Record<string, string>> } | { readonly kind: 'unreadable' } | { readonly kind: 'none' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tagMap(value: unknown): Readonly<Record<string, string>> | undefined {
  if (value === null) return {};
  if (Array.isArray(value)) {
    const out: Record<string, string> = {};
    for (const t of value) {
      if (!isRecord(t)) return undefined;
      const key = t.Key ?? t.key;
      const val = t.Value ?? t.value;
      if (typeof key !== 'string') return undefined;
      out[key] = typeof val === 'string' ? val : '';
    }
    return out;
  }
  if (isRecord(value) && Object.values(value).every((v) => typeof v === 'string')) return value as Record<string, string>;
  return undefined;
}

/** The tags a resource record carries, if it is one. */
export function readTags(record: Record<string, unknown>): TagRead {
  if (!('tags' in record)) return { kind: 'none' };
  const raw = record.tags;
  if (isRecord(raw) && typeof raw.ok === 'boolean') {
    const obs = raw as unknown as Observed<unknown>;
    if (!obs.ok) return { kind: 'unreadable' };
    const tags = tagMap(obs.value);
    return tags ? { kind: 'tags', tags } : { kind: 'none' };
  }
  const tags = tagMap(raw);
  return tags ? { kind: 'tags', tags } : { kind: 'none' };
}

function hasResourceFilter(scope: Scope): boolean {
  return scope.tags !== null || scope.stacks !== null;
}

/** True when a record is in scope (or is not a tagged resource at all). */
export function recordInScope(record: Record<string, unknown>, scope: Scope): boolean {
  const isStack = typeof record.stackName === 'string' && typeof record.stackId === 'string';
  if (isStack && scope.stacks !== null) return scope.stacks.includes(record.stackName as string);
  const read = readTags(record);
  if (read.kind !== 'tags') return true;
  const { tags } = read;
  if (scope.tags !== null) {
    for (const [key, values] of Object.entries(scope.tags)) {
      const value = tags[key];
      if (value === undefined || !values.includes(value)) return false;
    }
  }
  if (scope.stacks !== null) {
    const stack = tags[STACK_NAME_TAG];
    if (stack === undefined || !scope.stacks.includes(stack)) return false;
  }
  return true;
}

function filterValue(value: unknown, scope: Scope): unknown {
  if (Array.isArray(value)) {
    return value.filter((v) => !isRecord(v) || recordInScope(v, scope)).map((v) => filterValue(v, scope));
  }
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === 'tags' ? v : filterValue(v, scope);
    return out;
  }
  return value;
}

function filterAccount(account: AccountSnapshot, scope: Scope): AccountSnapshot {
  const keepRegion = (region: string) => scope.regions === null || scope.regions.includes(region);
  const regional = account.regional.filter((r) => keepRegion(r.region));
  const regions: AccountSnapshot['regions'] = account.regions.ok
    ? { ok: true, value: account.regions.value.map((r) => (keepRegion(r.region) ? r : { ...r, scanned: false })) }
    : account.regions;
  if (!hasResourceFilter(scope)) return { ...account, regions, regional };
  return {
    ...account,
    regions,
    global: filterValue(account.global, scope) as AccountSnapshot['global'],
    regional: regional.map((r) => filterValue(r, scope) as RegionalSnapshot),
  };
}

export function applyScope(snapshot: Snapshot, scope: Scope): Snapshot {
  const accounts = snapshot.accounts.filter((a) => scope.accounts.includes(a.accountId)).map((a) => filterAccount(a, scope));
  const kept = new Map(snapshot.accounts.map((a) => [a.accountId, a]));
  /** Errors and operation outcomes of dropped regions go; global ones (home region, `global`) stay. */
  const keepSite = (site: { accountId: string; region: string }) => {
    const account = kept.get(site.accountId);
    if (!account || !scope.accounts.includes(site.accountId)) return false;
    if (scope.regions === null || site.region === 'global' || site.region === account.homeRegion) return true;
    return scope.regions.includes(site.region);
  };
  return {
    ...snapshot,
    accounts,
    errors: snapshot.errors.filter(keepSite),
    operations: snapshot.operations.filter(keepSite),
  };
}
