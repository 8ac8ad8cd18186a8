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
  /** The most requests that were in flight at once. */
  readonly maxRequestsInFlight: number;
  /** The limits the scan ran with: --concurrency, --per-account-concurrency, --max-attempts. */
  readonly concurrency: number;
  readonly perAccountConcurrency: number;
  readonly maxAttempts: number;
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
