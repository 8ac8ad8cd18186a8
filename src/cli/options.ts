/** Parsing and validation of CLI option values shared by several commands. */
import { DELIVERY_CATEGORIES, type DeliveryCategory, type Framework } from '../core/framework.js';
import { UserError } from '../core/errors.js';
import { getFramework, UnknownFrameworkError } from '../frameworks/index.js';

export const DEFAULT_FRAMEWORK = 'ftr-partner-hosted';
/** Where scan, evaluate and report write unless --out says otherwise (never beside an input file). */
export const DEFAULT_OUT = './ftr-out';
/**
 * `ftr scan --concurrency` / `--per-account-concurrency` defaults. Equal to collect/scan-limits.ts's
 * (a test keeps them so); repeated here so `ftr --help` does not load the collector.
 */
export const DEFAULT_SCAN_CONCURRENCY = 128;
export const DEFAULT_SCAN_PER_ACCOUNT_CONCURRENCY = 8;
/** `ftr demo`'s own output folder, so the sample never overwrites a real scan in ./ftr-out. */
export const DEMO_OUT = './ftr-demo';
export const DEFAULT_DELIVERY: DeliveryCategory = 'multi-tenant-saas';

export function parseDelivery(value: string): DeliveryCategory {
  const found = DELIVERY_CATEGORIES.find((d) => d === value);
  if (!found) throw new UserError(`Unknown delivery category "${value}". Use one of: ${DELIVERY_CATEGORIES.join(', ')}.`);
  return found;
}

export function resolveFramework(id: string): Framework {
  try {
    return getFramework(id);
  } catch (err) {
    if (err instanceof UnknownFrameworkError) throw new UserError(`${err.message} Run \`ftr frameworks\` to list them.`);
    throw err;
  }
}

export function parsePositiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`${name} must be a whole number of 1 or more (got "${value}").`);
  return n;
}

export function parseList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** `ftr scan --role-name` / `--max-attempts` defaults (the dashboard's scan form starts from the same values). */
export const DEFAULT_SCAN_ROLE_NAME = 'FtrReadOnly';
export const DEFAULT_SCAN_MAX_ATTEMPTS = 8;

/**
 * The collection flags of `ftr scan` as text, the way commander hands them over or the dashboard's scan form
 * posts them (src/serve/app.tsx): undefined = the flag was not given.
 */
export interface ScanFlagsInput {
  readonly org: boolean;
  readonly roleName: string;
  readonly externalId: string | undefined;
  readonly profile: string | undefined;
  readonly regions: string | undefined;
  readonly accounts: string | undefined;
  readonly deepRegions: boolean;
  readonly framework: string;
  readonly delivery: string;
  readonly concurrency: string;
  readonly perAccountConcurrency: string;
  readonly maxAttempts: string;
  readonly workers: string | undefined;
}

/** The collection flags of `ftr scan`, checked. */
export interface ScanFlags {
  readonly org: boolean;
  readonly roleName: string;
  readonly externalId: string | undefined;
  readonly profile: string | undefined;
  readonly regions: string[] | undefined;
  readonly accounts: string[] | undefined;
  readonly deepRegions: boolean;
  readonly framework: Framework;
  readonly delivery: DeliveryCategory;
  readonly concurrency: number;
  readonly perAccountConcurrency: number;
  readonly maxAttempts: number;
  readonly workers: number | undefined;
}

/** `--accounts` picks accounts of the Organization: without `--org` it would be silently ignored. */
export function requireOrgForAccounts(org: boolean, accounts: readonly string[] | undefined): void {
  if (accounts !== undefined && !org) {
    throw new UserError('--accounts only applies with --org (it picks accounts of the Organization). Add --org, or drop --accounts.');
  }
}

/**
 * The one parser of `ftr scan`'s collection flags: the CLI and the dashboard's scan form both go through it,
 * so a value one refuses the other refuses with the same message (UserError).
 */
export function parseScanFlags(input: ScanFlagsInput): ScanFlags {
  const accounts = input.accounts !== undefined ? parseList(input.accounts) : undefined;
  requireOrgForAccounts(input.org, accounts);
  return {
    org: input.org,
    roleName: input.roleName,
    externalId: input.externalId,
    profile: input.profile,
    regions: input.regions !== undefined ? parseList(input.regions) : undefined,
    accounts,
    deepRegions: input.deepRegions,
    framework: resolveFramework(input.framework),
    delivery: parseDelivery(input.delivery),
    concurrency: parsePositiveInt('--concurrency', input.concurrency),
    perAccountConcurrency: parsePositiveInt('--per-account-concurrency', input.perAccountConcurrency),
    maxAttempts: parsePositiveInt('--max-attempts', input.maxAttempts),
    workers: input.workers !== undefined ? parsePositiveInt('--workers', input.workers) : undefined,
  };
}
