/**
 * A check is a small pure function of the snapshot plus metadata. `defineCheck` is an identity function
 * that makes the compiler verify the metadata. Helpers below build outcomes and take care of the
 * "could not see" cases so each check only states its rule.
 */
import type { CheckOutcome, CheckStatus, ResourceRef, Severity } from './finding.js';
import { describeCollectionError, type CollectionError, type Observed } from './observed.js';
import type { AccountSnapshot, RegionalSnapshot, Snapshot } from './snapshot.js';
import type { GlobalServiceKey, GlobalValue, RegionalServiceKey, RegionalValue } from './slices/index.js';

export interface Remediation {
  /** One or two sentences: what to change and why. */
  readonly summary: string;
  readonly console?: string;
  /** An AWS CLI command with <placeholders>, where one exists. */
  readonly cli?: string;
  /** A CloudFormation or Terraform snippet, where one applies. */
  readonly iac?: string;
  /** A CloudFormation (YAML) snippet that sets the fixing resource property (src/checks/<area>/remediation-code.ts). */
  readonly cloudformation?: string;
  /** The same fix as a Terraform (HCL) snippet. */
  readonly terraform?: string;
  readonly docs?: string;
}

export interface CheckDefinition {
  /** Prowler-style `service_resource_property`, written literally. */
  readonly id: string;
  readonly title: string;
  readonly service: string;
  readonly resourceType: string;
  readonly severity: Severity;
  /** IAM actions the check's data needs; drives policies/ftr-scanner-policy.json and docs/checks.md. */
  readonly reads: readonly string[];
  readonly remediation: Remediation;
  readonly evaluate: (snapshot: Snapshot) => readonly CheckOutcome[];
}

export function defineCheck<const T extends CheckDefinition>(check: T): T {
  return check;
}

type Evidence = Readonly<Record<string, unknown>>;

function outcome(status: CheckStatus, ref: ResourceRef, message: string, evidence: Evidence = {}): CheckOutcome {
  return { ...ref, resourceArn: ref.resourceArn ?? null, status, message, evidence };
}

export const pass = (ref: ResourceRef, message: string, evidence?: Evidence) => outcome('PASS', ref, message, evidence);
export const fail = (ref: ResourceRef, message: string, evidence?: Evidence) => outcome('FAIL', ref, message, evidence);
export const manual = (ref: ResourceRef, message: string, evidence?: Evidence) => outcome('MANUAL', ref, message, evidence);
export const notApplicable = (ref: ResourceRef, message: string, evidence?: Evidence) =>
  outcome('NOT_APPLICABLE', ref, message, evidence);

/**
 * UNKNOWN because a read failed: the message says which read and why. One exception: a `not_read` value
 * (a posture-only region, collect/region-signal.ts) is NOT_APPLICABLE, since it stands for AWS Config's
 * count of zero such resources in that region, and the message says the region was not read and why
 * (docs/decisions/0012-region-signal.md).
 */
export function unknown(ref: ResourceRef, reason: CollectionError | string, evidence?: Evidence): CheckOutcome {
  if (typeof reason === 'string') return outcome('UNKNOWN', ref, reason, evidence);
  if (reason.kind === 'not_read') return notReadOutcome(ref, reason, evidence);
  return outcome('UNKNOWN', ref, describeCollectionError(reason), {
    ...evidence,
    collectionError: { kind: reason.kind, code: reason.code, service: reason.service, operation: reason.operation },
  });
}

/** A resource read skipped in a posture-only region: the region holds none of them by AWS Config's inventory. */
export function notReadOutcome(ref: ResourceRef, reason: CollectionError, evidence?: Evidence): CheckOutcome {
  return outcome('NOT_APPLICABLE', ref, describeCollectionError(reason), {
    ...evidence,
    regionNotRead: { region: reason.region, mode: 'posture-only', why: reason.message },
  });
}

/** True for a value the scan did not ask for because its region was read posture-only. */
export function isNotRead(value: Observed<unknown> | undefined): boolean {
  return value !== undefined && !value.ok && value.error.kind === 'not_read';
}

/** The account itself as a resource, for account-level checks. */
export function accountRef(account: AccountSnapshot | string, region: string | null = null): ResourceRef {
  const accountId = typeof account === 'string' ? account : account.accountId;
  return { accountId, region, resourceType: 'AWS::::Account', resourceId: accountId, resourceArn: null };
}

/** A region of an account as a resource, for regional service-enablement checks. */
export function regionRef(accountId: string, region: string): ResourceRef {
  return { accountId, region, resourceType: 'AWS::::Region', resourceId: `${accountId}/${region}`, resourceArn: null };
}


/**
 * Runs `rule` for every scanned account with the given global slice. Accounts we could not enter, or where
 * the slice was not collected or failed, yield one UNKNOWN about the account instead.
 */
export function forEachAccount<K extends GlobalServiceKey>(
  snapshot: Snapshot,
  service: K,
  rule: (slice: GlobalValue<K>, account: AccountSnapshot) => readonly CheckOutcome[],
): CheckOutcome[] {
  const out: CheckOutcome[] = [];
  for (const account of snapshot.accounts) {
    const ref = accountRef(account);
    if (!account.access.ok) {
      out.push(unknown(ref, account.access.error));
      continue;
    }
    const slice = account.global[service] as Observed<GlobalValue<K>> | undefined;
    if (!slice) {
      out.push(unknown(ref, `The ${service} collector did not run for account ${account.accountId}.`));
      continue;
    }
    if (!slice.ok) {
      out.push(unknown(ref, slice.error));
      continue;
    }
    out.push(...rule(slice.value, account));
  }
  return out;
}

/**
 * When the enabled regions of an account could not be listed (ec2:DescribeRegions failed) and the scan was
 * meant to cover every enabled region (no --regions), the scan fell back to the regions it could guess (the
 * home region): every other region is unseen. This is one UNKNOWN for the account, so no regional check can
 * PASS an "every region" rule from the regions that happened to be scanned. Null when the regions were
 * listed, or when the user limited the scan with --regions (the item's reason then says so).
 */
export function unlistedRegionsOutcome(snapshot: Snapshot, account: AccountSnapshot): CheckOutcome | null {
  if (account.regions.ok || snapshot.requestedRegions !== null) return null;
  const error = account.regions.error;
  const scanned = account.regional.map((r) => r.region);
  const only = scanned.length === 0 ? 'no region was scanned' : `only ${scanned.join(', ')} ${scanned.length === 1 ? 'was' : 'were'} scanned`;
  return outcome(
    'UNKNOWN',
    accountRef(account),
    `The enabled regions of account ${account.accountId} could not be listed, so ${only} and every other region is unknown. ${describeCollectionError(error)}`,
    {
      regionsScanned: scanned,
      collectionError: { kind: error.kind, code: error.code, service: error.service, operation: error.operation },
    },
  );
}

/**
 * Runs `rule` for every scanned region of every account with the given regional slice. Regions that are
 * not enabled are skipped (they hold no resources); missing or failed slices yield UNKNOWN for the region;
 * an account whose regions could not be listed also yields one UNKNOWN (unlistedRegionsOutcome).
 */
export function forEachRegion<K extends RegionalServiceKey>(
  snapshot: Snapshot,
  service: K,
  rule: (slice: RegionalValue<K>, account: AccountSnapshot, regional: RegionalSnapshot) => readonly CheckOutcome[],
): CheckOutcome[] {
  const out: CheckOutcome[] = [];
  for (const account of snapshot.accounts) {
    if (!account.access.ok) {
      out.push(unknown(accountRef(account), account.access.error));
      continue;
    }
    if (!account.regions.ok && account.regional.length === 0) {
      out.push(unknown(accountRef(account), account.regions.error));
      continue;
    }
    const unlisted = unlistedRegionsOutcome(snapshot, account);
    if (unlisted) out.push(unlisted);
    for (const regional of account.regional) {
      const ref = regionRef(account.accountId, regional.region);
      const slice = regional[service] as Observed<RegionalValue<K>> | undefined;
      if (!slice) {
        out.push(unknown(ref, `The ${service} collector did not run for ${account.accountId}/${regional.region}.`));
        continue;
      }
      if (!slice.ok) {
        out.push(unknown(ref, slice.error));
        continue;
      }
      out.push(...rule(slice.value, account, regional));
    }
  }
  return out;
}

/** A region whose slice could not be read, with the reason. */
export interface RegionGap {
  readonly region: string;
  readonly reason: CollectionError | string;
}

export interface AccountRegionalView<K extends RegionalServiceKey> {
  readonly account: AccountSnapshot;
  readonly ref: ResourceRef;
  readonly slices: readonly { readonly region: string; readonly value: RegionalValue<K> }[];
  readonly gaps: readonly RegionGap[];
}

export interface AcrossRegionsOptions {
  /**
   * `every` (default): the rule needs every enabled region (a service enabled everywhere, every resource):
   * an account whose regions could not be listed gets one more UNKNOWN (unlistedRegionsOutcome).
   * `any`: one region is enough (a review or a restore test anywhere counts for the account): a PASS for the
   * account stands, but its FAILs become UNKNOWN, since an unlisted region might hold what was missing.
   */
  readonly regionsNeeded?: 'every' | 'any';
}

/**
 * Runs `rule` once per account with every readable regional slice of `service` and the regions that could
 * not be read. Accounts we could not enter yield UNKNOWN; accounts whose regions could not be listed are
 * handled by `options.regionsNeeded`.
 */
export function forEachAccountAcrossRegions<K extends RegionalServiceKey>(
  snapshot: Snapshot,
  service: K,
  rule: (view: AccountRegionalView<K>) => readonly CheckOutcome[],
  options: AcrossRegionsOptions = {},
): CheckOutcome[] {
  const out: CheckOutcome[] = [];
  for (const account of snapshot.accounts) {
    const ref = accountRef(account);
    if (!account.access.ok) {
      out.push(unknown(ref, account.access.error));
      continue;
    }
    if (!account.regions.ok && account.regional.length === 0) {
      out.push(unknown(ref, account.regions.error));
      continue;
    }
    const slices: { region: string; value: RegionalValue<K> }[] = [];
    const gaps: RegionGap[] = [];
    const notRead: CollectionError[] = [];
    for (const regional of account.regional) {
      const slice = regional[service] as Observed<RegionalValue<K>> | undefined;
      if (!slice) gaps.push({ region: regional.region, reason: `The ${service} collector did not run for ${account.accountId}/${regional.region}.` });
      else if (!slice.ok && slice.error.kind === 'not_read') notRead.push(slice.error);
      else if (!slice.ok) gaps.push({ region: regional.region, reason: slice.error });
      else slices.push({ region: regional.region, value: slice.value });
    }
    const results = withNotReadNote(rule({ account, ref, slices, gaps }), notRead);
    const unlisted = unlistedRegionsOutcome(snapshot, account);
    if (!unlisted) out.push(...results);
    else if ((options.regionsNeeded ?? 'every') === 'every') out.push(unlisted, ...results);
    else if (results.some((r) => r.status === 'PASS')) out.push(...results);
    else out.push(...results.map((r) => (r.status === 'FAIL' ? { ...r, status: 'UNKNOWN' as const, message: `${r.message} ${unlisted.message}` } : r)));
  }
  return out;
}

/**
 * Regions read posture-only hold none of the service's resources by AWS Config's inventory: they are left
 * out of the rule, and every result says so (message and `regionsNotRead` evidence), so a PASS never hides them.
 */
function withNotReadNote(results: readonly CheckOutcome[], notRead: readonly CollectionError[]): readonly CheckOutcome[] {
  if (notRead.length === 0) return results;
  const regions = notRead.map((e) => e.region);
  const shown = regions.length <= 5 ? regions.join(', ') : `${regions.slice(0, 5).join(', ')} and ${regions.length - 5} more`;
  const note = ` Not read (posture-only, AWS Config counts none of these resources there): ${shown}.`;
  return results.map((r) => ({
    ...r,
    message: `${r.message}${note}`,
    evidence: { ...r.evidence, regionsNotRead: notRead.map((e) => ({ region: e.region, why: e.message })) },
  }));
}

/** Unwraps an Observed field inside a rule: returns the value, or pushes UNKNOWN for `ref` and returns undefined. */
export function seen<T>(field: Observed<T>, ref: ResourceRef, sink: CheckOutcome[]): { value: T } | undefined {
  if (field.ok) return { value: field.value };
  sink.push(unknown(ref, field.error));
  return undefined;
}
