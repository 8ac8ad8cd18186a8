/** Messages between the coordinating thread (thread-pool.ts) and a scan thread (scan-thread.ts). */
import type { AccountShard, SnapshotTrailer } from '../../core/snapshot.js';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { CallerIdentity } from '../credentials.js';
import type { ScanTarget } from '../run-collection.js';
import type { ScanOrganization } from '../collector.js';
import type { ScanProgress } from '../scan-progress.js';

/** What a thread starts with: plain data only (it crosses a thread boundary by structured clone). */
export interface ScanThreadData {
  readonly part: number;
  readonly identity: CallerIdentity;
  readonly organization: ScanOrganization;
  readonly roleName: string;
  readonly externalId: string | undefined;
  readonly profile: string | undefined;
  readonly regions: readonly string[] | undefined;
  readonly services: readonly string[] | undefined;
  /** --deep-regions (docs/decisions/0012-region-signal.md). */
  readonly deepRegions: boolean;
  readonly endpoint: string | undefined;
  readonly requestTimeoutMs: number | undefined;
  readonly maxAttempts: number;
  readonly concurrency: number;
  readonly perAccountConcurrency: number;
  /** Static credentials only; undefined: the thread resolves the default chain (or --profile) itself. */
  readonly credentials: AwsCredentialIdentity | undefined;
  /** Requests in flight across every thread of the scan (shared-in-flight.ts). */
  readonly inFlight: SharedArrayBuffer;
}

export type ToThread =
  | { readonly type: 'account'; readonly request: number; readonly target: ScanTarget | null }
  | { readonly type: 'written'; readonly request: number }
  | { readonly type: 'abort'; readonly reason: string };

export type FromThread =
  | { readonly type: 'next'; readonly request: number }
  | { readonly type: 'shard'; readonly request: number; readonly shard: AccountShard }
  | { readonly type: 'progress'; readonly progress: ScanProgress }
  | { readonly type: 'stopped'; readonly reason: string }
  | { readonly type: 'done'; readonly trailer: SnapshotTrailer }
  | { readonly type: 'failed'; readonly message: string };
