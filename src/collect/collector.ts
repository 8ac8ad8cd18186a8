/**
 * The Collector contract. A collector reads one AWS service for one account (global) or one account and
 * region (regional) and returns its snapshot slice. It never throws an AWS error: every SDK call goes
 * through `ctx.call`, which records the outcome and returns an Observed value.
 */
import type { CollectionError, Observed } from '../core/observed.js';
import type {
  GlobalServiceKey,
  GlobalValue,
  RegionalServiceKey,
  RegionalValue,
} from '../core/slices/index.js';
import type { RegionRead } from '../core/snapshot.js';

/** One API operation a collector uses: drives the scanner policy file and the permissions docs. */
export interface OperationSpec {
  /** SDK command name without `Command`: `GetBucketVersioning`. */
  readonly operation: string;
  /** The IAM action it needs: `s3:GetBucketVersioning`. */
  readonly iamAction: string;
  /** Error codes that mean "not configured" and become `{ ok: true, value: null }`. */
  readonly notFoundCodes?: readonly string[];
}

// The SDK clients share no useful common type we can construct generically; this is the shape we need.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ClientConstructor<C> = new (config: any) => C;

export interface CallOptions {
  /** Error codes that mean "not configured": the call then yields `{ ok: true, value: null }`. */
  readonly notFoundCodes?: readonly string[];
  /** Region the call goes to, when it differs from the context's (S3 buckets in their own region). */
  readonly region?: string;
}

export interface CollectorContext {
  readonly accountId: string;
  /** The region this collector runs for; for global collectors the account's home region. */
  readonly region: string;
  readonly partition: string;
  /** Regions of this account that the scan covers. */
  readonly scannedRegions: readonly string[];
  /** An SDK client bound to this account's credentials, the region (default ctx.region) and the endpoint. */
  client<C>(ctor: ClientConstructor<C>, region?: string): C;
  /**
   * Runs one logical read (a single call or a whole pagination) and records its outcome.
   * With `notFoundCodes`, those errors yield `{ ok: true, value: null }`.
   */
  call<T>(service: string, operation: string, fn: () => Promise<T>): Promise<Observed<T>>;
  call<T>(service: string, operation: string, fn: () => Promise<T>, options: CallOptions): Promise<Observed<T | null>>;
  /**
   * Records a failure that did not come from a call (e.g. Lambda could not decrypt a function's variables,
   * reported inside a successful ListFunctions), so it joins the snapshot's error list.
   */
  record(error: CollectionError): void;
  /**
   * How this region is read (collect/region-signal.ts). A `posture+resources` collector skips its resource
   * reads when the mode is `posture-only`; absent for global collectors and scans that decided nothing.
   */
  readonly regionRead?: RegionRead | undefined;
  /** Aborted on Ctrl-C or when the endpoint stops answering; collectors may stop early. */
  readonly signal: AbortSignal;
  /**
   * Waits `ms` without holding the scan's task slot (polling an asynchronous AWS job, e.g. the credential
   * report): other accounts' work runs meanwhile. Rejects when the scan is aborted.
   */
  pause(ms: number): Promise<void>;
  /**
   * The scan's accounts and the Organization's management account, for reads one account answers for the
   * whole Organization (Cost Explorer from the payer). Absent when the runner does not know them.
   */
  readonly scanOrganization?: ScanOrganization;
}

export interface ScanOrganization {
  /** null when the scan saw no Organization (or could not read it). */
  readonly managementAccountId: string | null;
  readonly scannedAccountIds: readonly string[];
}

export interface GlobalCollector<K extends GlobalServiceKey = GlobalServiceKey> {
  readonly service: K;
  readonly scope: 'global';
  readonly operations: readonly OperationSpec[];
  collect(ctx: CollectorContext): Promise<GlobalValue<K>>;
}

/**
 * What a regional collector reads (docs/decisions/0012-region-signal.md):
 * - `posture`: the region's settings the "every region" checks need (detectors, recorders, hubs, trails,
 *   analyzers, defaults); read in every scanned region.
 * - `resources`: the region's resources; skipped in a posture-only region when `configResourceTypes` says
 *   which AWS Config types prove there are none (without it the collector always runs).
 * - `posture+resources`: runs everywhere, and leaves out its resource reads in a posture-only region.
 */
export type RegionalReads = 'posture' | 'resources' | 'posture+resources';

export interface RegionalCollector<K extends RegionalServiceKey = RegionalServiceKey> {
  readonly service: K;
  readonly scope: 'regional';
  readonly regionalReads: RegionalReads;
  /**
   * The AWS Config resource types that hold everything this collector reads as resources: when AWS Config
   * counts none of them in a region, its resources there are none. Absent: no Config type covers its reads.
   */
  readonly configResourceTypes?: readonly string[];
  readonly operations: readonly OperationSpec[];
  collect(ctx: CollectorContext): Promise<RegionalValue<K>>;
}

export type AnyCollector = GlobalCollector | RegionalCollector;

export function defineGlobalCollector<K extends GlobalServiceKey>(collector: GlobalCollector<K>): GlobalCollector<K> {
  return collector;
}

export function defineRegionalCollector<K extends RegionalServiceKey>(
  collector: RegionalCollector<K>,
): RegionalCollector<K> {
  return collector;
}

/** Drains an SDK v3 paginator into one array: `await collectPages(paginateListUsers({ client }, {}), (p) => p.Users)`. */
export async function collectPages<P, I>(pages: AsyncIterable<P>, pick: (page: P) => readonly I[] | undefined): Promise<I[]> {
  const out: I[] = [];
  for await (const page of pages) out.push(...(pick(page) ?? []));
  return out;
}
