/**
 * Snapshot slice for CloudTrail (regional): every trail visible from the region (DescribeTrails with
 * shadow trails, so multi-region and organization trails appear in every region). Status, event
 * selectors and the log bucket are read once per trail, in the trail's home region; the other regions
 * hold the trail with `details: null`. Checks dedupe trails by ARN across regions.
 */
import type { Observed } from '../observed.js';
import type { BucketExposureReads } from './s3.js';

export interface CloudTrailSlice {
  /** cloudtrail:DescribeTrails includeShadowTrails=true. */
  readonly trails: Observed<readonly Trail[]>;
}

export interface Trail {
  readonly name: string;
  readonly arn: string;
  /** The region the trail was created in: its status can be read only there. */
  readonly homeRegion: string;
  readonly isMultiRegion: boolean;
  /** An organization trail; seen from a member account it is a shadow trail owned by the management account. */
  readonly isOrganizationTrail: boolean;
  /** Account id from the trail ARN (differs from the scanned account for an organization trail seen by a member). */
  readonly ownerAccountId: string | null;
  readonly s3BucketName: string | null;
  readonly logFileValidationEnabled: boolean;
  /** KMS key ARN used for SSE-KMS of the log files; null = S3-managed encryption only. */
  readonly kmsKeyId: string | null;
  /** Reads done in the home region (or, when the home region is not scanned, once in the first scanned region); null here. */
  readonly details: TrailDetails | null;
}

export interface TrailDetails {
  /** The region the reads below went to. */
  readonly readInRegion: string;
  /** cloudtrail:GetTrailStatus */
  readonly status: Observed<TrailStatus>;
  /** cloudtrail:GetEventSelectors, summarized. */
  readonly eventSelectors: Observed<EventSelectorSummary>;
  /** The trail's log bucket as seen from this account; null when the trail has no bucket. */
  readonly logBucket: TrailLogBucket | null;
}

export interface TrailStatus {
  readonly isLogging: boolean;
  /** ISO time of the last successful delivery, when reported. */
  readonly latestDeliveryTime: string | null;
  readonly latestDeliveryError: string | null;
}

export interface EventSelectorSummary {
  /** Management events recorded: All (read and write), ReadOnly, WriteOnly or None. */
  readonly managementEvents: 'All' | 'ReadOnly' | 'WriteOnly' | 'None';
  /** Whether the trail uses advanced event selectors. */
  readonly advanced: boolean;
  /** Event sources excluded from management events by advanced selectors (e.g. kms.amazonaws.com). */
  readonly excludedManagementSources: readonly string[];
  /**
   * Advanced management selectors that record only some management events (e.g. `eventSource Equals
   * s3.amazonaws.com`); they do not count towards `managementEvents`. Optional: absent when there is none.
   */
  readonly partialSelectors?: readonly string[];
}

/**
 * The log bucket, read from this account (it may belong to another account, e.g. a log-archive account,
 * where reads are often denied: those fields are then Observed errors).
 */
export interface TrailLogBucket extends BucketExposureReads {
  readonly name: string;
  /**
   * Who owns the bucket: `this-account` when s3:ListBuckets of this account lists it, `other-account`
   * when it does not but the bucket exists, `not-found` when S3 answers NoSuchBucket.
   */
  readonly owner: Observed<'this-account' | 'other-account' | 'not-found'>;
}
