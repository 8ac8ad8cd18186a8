/**
 * Reads the simulator's "allowed only when ..." condition tree for a role assumption and says what it
 * restricts: an exact `sts:ExternalId`, and/or the accounts or organizations the caller must belong to.
 * Only conditions that a caller cannot satisfy by choosing a value count: exact-match operators with fixed
 * values. `StringLike "*"`, `Null false`, `...IfExists` and `ForAllValues:` (true when the key is absent)
 * restrict nothing (docs/decisions/0005).
 */
import type { AllowedConditionExpression } from './policy-engine.js';

/** Who may be the caller; null = not restricted by a condition. */
export interface Parties {
  readonly accounts: readonly string[];
  readonly organizations: readonly string[];
}

export interface Restriction {
  /** Every way to be allowed requires an exact, fixed sts:ExternalId. */
  readonly externalId: boolean;
  readonly parties: Parties | null;
  /** Conditions present that do not count as a restriction, as `op key values` text for the evidence. */
  readonly otherConditions: readonly string[];
}

const UNRESTRICTED: Restriction = { externalId: false, parties: null, otherConditions: [] };

/** Exact-match operators; ForAnyValue is sound for single-valued keys (false when the key is absent). */
const EXACT_STRING = new Set(['stringequals', 'stringequalsignorecase', 'foranyvalue:stringequals', 'foranyvalue:stringequalsignorecase']);
const EXACT_ARN = new Set(['arnequals', 'arnlike', 'foranyvalue:arnequals', 'foranyvalue:arnlike', ...EXACT_STRING, 'stringlike', 'foranyvalue:stringlike']);

const ACCOUNT_KEYS = new Set(['aws:principalaccount', 'aws:sourceaccount']);
const ORG_KEYS = new Set(['aws:principalorgid', 'aws:sourceorgid']);

const isFixed = (value: string): boolean => value !== '' && !value.includes('${') && !/[*?]/.test(value);
const ACCOUNT_ID = /^\d{12}$/;

/** The account of an ARN pattern when its account field is a fixed 12-digit id (wildcards elsewhere are fine). */
function arnAccount(pattern: string): string | null {
  const account = pattern.split(':')[4];
  return account !== undefined && ACCOUNT_ID.test(account) ? account : null;
}

/** The organization id of an `aws:PrincipalOrgPaths` pattern (`o-abc/r-1/ou-2/*`) when it is fixed. */
function orgPathOrganization(pattern: string): string | null {
  const org = pattern.split('/')[0] ?? '';
  return /^o-[a-z0-9]+$/.test(org) ? org : null;
}

function describe(op: string, key: string, values: readonly string[]): string {
  return `${op} ${key} ${JSON.stringify(values)}`;
}

function leafRestriction(op: string, key: string, values: readonly string[]): Restriction {
  const o = op.toLowerCase();
  const k = key.toLowerCase();
  const other = { ...UNRESTRICTED, otherConditions: [describe(op, key, values)] };
  if (values.length === 0) return other;
  if (k === 'sts:externalid') {
    return EXACT_STRING.has(o) && values.every(isFixed) ? { ...UNRESTRICTED, externalId: true } : other;
  }
  if (ACCOUNT_KEYS.has(k)) {
    return EXACT_STRING.has(o) && values.every((v) => ACCOUNT_ID.test(v)) ? { ...UNRESTRICTED, parties: { accounts: values, organizations: [] } } : other;
  }
  if (ORG_KEYS.has(k)) {
    return EXACT_STRING.has(o) && values.every(isFixed) ? { ...UNRESTRICTED, parties: { accounts: [], organizations: values } } : other;
  }
  if (k === 'aws:principalorgpaths') {
    const orgs = values.map(orgPathOrganization);
    return (o === 'foranyvalue:stringlike' || o === 'foranyvalue:stringequals') && orgs.every((x) => x !== null)
      ? { ...UNRESTRICTED, parties: { accounts: [], organizations: orgs } }
      : other;
  }
  if (k === 'aws:principalarn' || k === 'aws:sourcearn') {
    const accounts = values.map(arnAccount);
    return EXACT_ARN.has(o) && accounts.every((a) => a !== null) ? { ...UNRESTRICTED, parties: { accounts: accounts, organizations: [] } } : other;
  }
  return other;
}

function union(a: Parties, b: Parties): Parties {
  return { accounts: [...new Set([...a.accounts, ...b.accounts])], organizations: [...new Set([...a.organizations, ...b.organizations])] };
}

/**
 * What an allowed-conditions tree restricts. `and`: any restricting branch bounds the whole; `or`: a
 * restriction holds only when every branch has it. `null` (no conditions) restricts nothing.
 */
export function restrictionOf(expression: AllowedConditionExpression | null): Restriction {
  if (expression === null) return UNRESTRICTED;
  switch (expression.conditionType) {
    case 'always':
    case 'never':
    case 'sessionName':
      return UNRESTRICTED;
    case 'condition':
      return leafRestriction(expression.op, expression.key, expression.values);
    case 'group': {
      const parts = expression.conditions.map(restrictionOf);
      if (parts.length === 0) return UNRESTRICTED;
      const otherConditions = parts.flatMap((p) => p.otherConditions);
      if (expression.operator === 'and') {
        return { externalId: parts.some((p) => p.externalId), parties: parts.find((p) => p.parties !== null)?.parties ?? null, otherConditions };
      }
      const allParties = parts.every((p) => p.parties !== null) ? parts.map((p) => p.parties as Parties).reduce(union) : null;
      return { externalId: parts.every((p) => p.externalId), parties: allParties, otherConditions };
    }
  }
}
