/** Snapshot slice for Amazon Macie (macie2, regional). */
import type { Observed } from '../observed.js';

export interface MacieSession {
  /** ENABLED | PAUSED */
  readonly status: string;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
}

export interface MacieClassificationJob {
  readonly id: string;
  readonly name: string | null;
  /** ONE_TIME | SCHEDULED */
  readonly jobType: string | null;
  /** RUNNING | PAUSED | CANCELLED | COMPLETE | IDLE | USER_PAUSED */
  readonly status: string | null;
  readonly createdAt: string | null;
}

export interface MacieSlice {
  /**
   * macie2:GetMacieSession; null value = Macie is not enabled in the region (AWS answers
   * AccessDeniedException "Macie is not enabled" or ResourceNotFoundException). Other denials stay errors.
   */
  readonly session: Observed<MacieSession | null>;
  /** macie2:ListClassificationJobs; null value = not read because Macie is not enabled. */
  readonly classificationJobs: Observed<readonly MacieClassificationJob[] | null>;
  /** macie2:GetAutomatedDiscoveryConfiguration status (ENABLED | DISABLED); null = not read (Macie off). */
  readonly automatedDiscoveryStatus: Observed<string | null>;
}
