/** Snapshot slice for AWS Config (regional): recorders, their status, delivery channels and rules. */
import type { Observed } from '../observed.js';

export interface ConfigRecorder {
  readonly name: string;
  readonly roleArn: string | null;
  /** recordingGroup.allSupported: every supported resource type is recorded. */
  readonly allSupported: boolean;
  readonly includeGlobalResourceTypes: boolean;
  /** recordingGroup.resourceTypes (when allSupported is false). */
  readonly resourceTypes: readonly string[];
  /** recordingGroup.exclusionByResourceTypes.resourceTypes. */
  readonly excludedResourceTypes: readonly string[];
  /** ALL_SUPPORTED_RESOURCE_TYPES | INCLUSION_BY_RESOURCE_TYPES | EXCLUSION_BY_RESOURCE_TYPES, when set. */
  readonly recordingStrategy: string | null;
}

export interface ConfigRecorderStatus {
  readonly name: string;
  readonly recording: boolean;
  /** Pending | Success | Failure */
  readonly lastStatus: string | null;
  readonly lastStatusChangeTime: string | null;
  readonly lastErrorCode: string | null;
}

export interface ConfigDeliveryChannel {
  readonly name: string;
  readonly s3BucketName: string | null;
  readonly snsTopicArn: string | null;
}

export interface ConfigRule {
  readonly name: string;
  readonly arn: string | null;
  /** ACTIVE | DELETING | EVALUATING ... */
  readonly state: string | null;
  /** AWS | CUSTOM_LAMBDA | CUSTOM_POLICY */
  readonly sourceOwner: string | null;
  /** Managed rule identifier, e.g. S3_BUCKET_PUBLIC_READ_PROHIBITED. */
  readonly sourceIdentifier: string | null;
}

export interface ConfigSlice {
  readonly recorders: Observed<readonly ConfigRecorder[]>;
  readonly recorderStatuses: Observed<readonly ConfigRecorderStatus[]>;
  readonly deliveryChannels: Observed<readonly ConfigDeliveryChannel[]>;
  readonly rules: Observed<readonly ConfigRule[]>;
}
