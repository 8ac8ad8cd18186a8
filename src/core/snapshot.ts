/**
 * The snapshot: everything a scan collected, in one JSON-serializable document (ISO strings, no Dates).
 * It is the contract between collection (the only code that talks to AWS) and evaluation (pure).
 * Schema changes bump SNAPSHOT_SCHEMA_VERSION; docs/snapshot-schema.md describes every field.
 */
import type { CollectionError, CollectionErrorKind, Observed } from './observed.js';
import type { GlobalSlices, RegionalSlices } from './slices/index.js';

export const SNAPSHOT_SCHEMA_VERSION = '1.0';

export interface Snapshot {
  readonly schemaVersion: string;
  readonly tool: { readonly name: 'ftr-ready'; readonly version: string };
  readonly startedAt: string;
  readonly finishedAt: string;
  /** False when the scan was interrupted (Ctrl-C, endpoint died): what was collected is kept. */
  readonly complete: boolean;
  readonly interruption: { readonly reason: string } | null;
  /** Who ran the scan (sts:GetCallerIdentity of the starting credentials). */
  readonly principal: { readonly arn: string; readonly accountId: string };
  readonly partition: string;
  readonly mode: 'account' | 'organization';
  /** `--regions` as given, or null for "every enabled region". */
  readonly requestedRegions: readonly string[] | null;
  /** The Organization as seen from the scanning account; null value = not in an Organization. */
  readonly organization: Observed<OrganizationInfo | null>;
  readonly accounts: readonly AccountSnapshot[];
  /** Every failed read, for the report's "what we could not see" list. */
  readonly errors: readonly CollectionError[];
  /** The outcome of every API call family (account x region x operation). */
  readonly operations: readonly OperationOutcome[];
  /** Totals of the collection (requests, retries, throttles, limits); absent in snapshots written before it existed. */
  readonly stats?: CollectionStats | undefined;
}

/** What the scan asked of AWS, counted per HTTP attempt by SDK middleware (collect/scan-recorder.ts). */
export interface CollectionStats {
  /** Requests (one per page of a pagination), before retries. */
  readonly requests: number;
  /** HTTP attempts: requests plus retries. */
  readonly attempts: number;
  /** Failed attempts that were retried. */
  readonly retries: number;
  /** Failed attempts AWS throttled (retried or not). */
  readonly throttles: number;
  /** Retries refused because the scan's shared retry budget was empty. */
  readonly retriesRefusedByBudget: number;
  /** The most requests that were in flight at once (across worker threads too; with `--queue`, the highest of one unit, a lower bound). */
  readonly maxRequestsInFlight: number;
  /** The limits the scan ran with: --concurrency, --per-account-concurrency, --max-attempts. */
  readonly concurrency: number;
  readonly perAccountConcurrency: number;
  readonly maxAttempts: number;
  /** Worker threads or queue workers that collected the accounts (`ftr scan --workers`, `--queue`); absent: this one thread. */
  readonly workers?: number | undefined;
  /**
   * Organization-wide posture reads of an `--org` scan (collect/organization-posture.ts): per service, the
   * delegated administrator asked and how many member account-regions its answer replaced. Absent: none tried.
   */
  readonly organizationReads?: readonly OrganizationReadSummary[] | undefined;
}

/** One service's organization-wide read (docs/decisions/0012-region-signal.md, "Organization-wide posture reads"). */
export interface OrganizationReadSummary {
  /** The collector whose member reads it can replace, e.g. `inspector2`. */
  readonly service: string;
  /** The delegated administrator that was asked; null when none could be (not registered, not scanned, not listable). */
  readonly administrator: string | null;
  /** Member account-regions whose own read was replaced by the administrator's answer (positive and complete only). */
  readonly accountRegions: number;
  /** Why the others read themselves, when it was not the member's own state (a failed read, no administrator); a few lines. */
  readonly fallbacks: readonly string[];
}

export interface OrganizationInfo {
  readonly id: string;
  readonly arn: string;
  readonly managementAccountId: string;
  readonly featureSet: string;
  /** Member accounts, when the scanner runs in the management account or a delegated administrator. */
  readonly accounts: Observed<readonly OrganizationAccount[]>;
  /**
   * Centralized root access (iam:ListOrganizationsFeatures): member accounts without root credentials
   * meet the root-MFA and root-key controls by construction.
   */
  readonly centralizedRootCredentials: Observed<boolean>;
}

export interface OrganizationAccount {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly status: string;
  readonly joinedMethod: string | null;
}

export interface AccountSnapshot {
  readonly accountId: string;
  readonly name: string | null;
  /** How the scanner got into this account; a failed AssumeRole leaves the rest empty. */
  readonly access: Observed<{ readonly via: 'caller' | 'assumed-role'; readonly roleArn: string | null }>;
  /** Every region of the partition with its opt-in status (ec2:DescribeRegions AllRegions=true). */
  readonly regions: Observed<readonly RegionInfo[]>;
  /** Region used for the account's global services (IAM, Organizations, S3 listing). */
  readonly homeRegion: string;
  readonly global: GlobalSlices;
  readonly regional: readonly RegionalSnapshot[];
}

export interface RegionInfo {
  readonly region: string;
  /** opt-in-not-required | opted-in | not-opted-in */
  readonly optInStatus: string;
  readonly enabled: boolean;
  /** Whether this scan covered the region (enabled and within --regions). */
  readonly scanned: boolean;
}

export interface RegionalSnapshot extends RegionalSlices {
  readonly region: string;
  /**
   * How the region was read (collect/region-signal.ts, docs/decisions/0012-region-signal.md). Absent in
   * snapshots written before it existed: those regions were read fully.
   */
  readonly read?: RegionRead | undefined;
}

/** How one account x region was read: everything, or its posture only because a signal showed no resources. */
export interface RegionRead {
  /** `full`: every collector ran. `posture-only`: the resource collectors in `skipped` did not run. */
  readonly mode: 'full' | 'posture-only';
  /** One sentence: why this mode (home region, --regions, --deep-regions, no usable signal, resources counted, none counted). */
  readonly reason: string;
  /** The signal that was read, when one was (absent when the decision needed none, e.g. the home region). */
  readonly signal?: RegionSignalEvidence | undefined;
  /** Collectors (service keys) that did not run, or ran without their resource reads (ec2). */
  readonly skipped: readonly string[];
}

/** AWS Config's inventory of the region (config:GetDiscoveredResourceCounts for the types the skipped collectors read). */
export interface RegionSignalEvidence {
  readonly source: 'aws-config-inventory';
  /** The configuration recorder whose recording makes the count trustworthy. */
  readonly recorder: string;
  /** The resource types counted. */
  readonly resourceTypes: readonly string[];
  /** Resources of those types AWS Config has discovered in the region. */
  readonly discovered: number;
  /** Resources of the skipped services the Resource Groups Tagging API lists there (null: not read). */
  readonly tagged: number | null;
}

export type OperationOutcomeKind = 'ok' | 'not_found' | CollectionErrorKind;

export interface OperationOutcome {
  readonly accountId: string;
  readonly region: string;
  readonly service: string;
  readonly operation: string;
  readonly outcome: OperationOutcomeKind;
  /** Error code of the last failure, when outcome is not ok/not_found. */
  readonly code: string | null;
  /** Number of logical calls (a paginated list counts once per page). */
  readonly calls: number;
}

/**
 * The sharded snapshot file (format 2, docs/decisions/0009-sharded-snapshot.md): one gzip JSON-lines file,
 * `snapshot.json.gz`, written while the scan runs. The records carry the same schema (SNAPSHOT_SCHEMA_VERSION)
 * as the single document; only the container changed:
 *   line 1      SnapshotHeaderRecord   everything known before the first account finishes
 *   line 2..n   AccountShardRecord     one per account, appended as the account finishes (any order)
 *   last line   SnapshotTrailerRecord  finish time, completeness and the reads no account owns
 * A file without its trailer was cut off (the process was killed): readers refuse it; `ftr scan --resume`
 * keeps its complete shards.
 */
export const SNAPSHOT_FILE_FORMAT = 'ftr-ready/snapshot-shards';
export const SNAPSHOT_FILE_FORMAT_VERSION = 2;

/** The fields of a Snapshot that are known before any account is collected. */
export type SnapshotHeader = Pick<Snapshot, 'schemaVersion' | 'tool' | 'startedAt' | 'principal' | 'partition' | 'mode' | 'requestedRegions' | 'organization'>;

/** The fields of a Snapshot that are known only at the end. */
export interface SnapshotTrailer {
  readonly finishedAt: string;
  readonly complete: boolean;
  readonly interruption: { readonly reason: string } | null;
  /** Failed reads and operation outcomes that belong to no account shard (before the accounts were known). */
  readonly errors: readonly CollectionError[];
  readonly operations: readonly OperationOutcome[];
  /** Totals of this run's collection (a resumed scan counts only what it collected itself). */
  readonly stats?: CollectionStats | undefined;
}

/** One account with the failed reads and operation outcomes of that account. */
export interface AccountShard {
  /** False when the scan stopped while (or before) this account was collected: `--resume` collects it again. */
  readonly complete: boolean;
  readonly account: AccountSnapshot;
  readonly errors: readonly CollectionError[];
  readonly operations: readonly OperationOutcome[];
}

export interface SnapshotHeaderRecord extends SnapshotHeader {
  readonly record: 'header';
  readonly format: typeof SNAPSHOT_FILE_FORMAT;
  readonly formatVersion: typeof SNAPSHOT_FILE_FORMAT_VERSION;
}

export interface AccountShardRecord extends AccountShard {
  readonly record: 'account';
}

export interface SnapshotTrailerRecord extends SnapshotTrailer {
  readonly record: 'trailer';
  /** Number of account records before the trailer (a check that no line was lost). */
  readonly accounts: number;
}

/** Splits an in-memory snapshot into header, shards and trailer (every error and outcome stays in the trailer, in order). */
export function shardsOf(snapshot: Snapshot): { header: SnapshotHeader; shards: AccountShard[]; trailer: SnapshotTrailer } {
  const { schemaVersion, tool, startedAt, principal, partition, mode, requestedRegions, organization } = snapshot;
  return {
    header: { schemaVersion, tool, startedAt, principal, partition, mode, requestedRegions, organization },
    shards: snapshot.accounts.map((account) => ({ complete: snapshot.complete, account, errors: [], operations: [] })),
    trailer: {
      finishedAt: snapshot.finishedAt,
      complete: snapshot.complete,
      interruption: snapshot.interruption,
      errors: snapshot.errors,
      operations: snapshot.operations,
      ...(snapshot.stats ? { stats: snapshot.stats } : {}),
    },
  };
}

/** The snapshot a header, shards and trailer make: accounts in shard order, errors and outcomes of the shards first. */
export function assembleSnapshot(header: SnapshotHeader, shards: readonly AccountShard[], trailer: SnapshotTrailer): Snapshot {
  return {
    ...header,
    finishedAt: trailer.finishedAt,
    complete: trailer.complete,
    interruption: trailer.interruption,
    accounts: shards.map((s) => s.account),
    errors: [...shards.flatMap((s) => s.errors), ...trailer.errors],
    operations: [...shards.flatMap((s) => s.operations), ...trailer.operations],
    ...(trailer.stats ? { stats: trailer.stats } : {}),
  };
}
