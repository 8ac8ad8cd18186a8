/** Snapshot slice for Amazon GuardDuty (regional). No detector in a region = GuardDuty not enabled there. */
import type { Observed } from '../observed.js';

export interface GuardDutyFeature {
  /** e.g. S3_DATA_EVENTS, EKS_AUDIT_LOGS, RUNTIME_MONITORING, EBS_MALWARE_PROTECTION, RDS_LOGIN_EVENTS */
  readonly name: string;
  /** ENABLED | DISABLED */
  readonly status: string | null;
  /** e.g. EKS_ADDON_MANAGEMENT, ECS_FARGATE_AGENT_MANAGEMENT, EC2_AGENT_MANAGEMENT */
  readonly additionalConfiguration: readonly { readonly name: string; readonly status: string | null }[];
}

export interface GuardDutyDetectorDetails {
  /** ENABLED | DISABLED (suspended) */
  readonly status: string;
  readonly findingPublishingFrequency: string | null;
  readonly features: readonly GuardDutyFeature[];
}

export interface GuardDutyDetector {
  readonly id: string;
  /** guardduty:GetDetector */
  readonly details: Observed<GuardDutyDetectorDetails>;
}

export interface GuardDutySlice {
  /** guardduty:ListDetectors; an empty list means GuardDuty is not enabled in the region. */
  readonly detectors: Observed<readonly GuardDutyDetector[]>;
}
