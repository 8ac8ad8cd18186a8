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
export const DEFAULT_SCAN_CONCURRENCY = 64;
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
