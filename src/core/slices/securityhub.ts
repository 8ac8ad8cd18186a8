/** Snapshot slice for AWS Security Hub (regional). */
import type { Observed } from '../observed.js';

export interface SecurityHubHub {
  readonly hubArn: string | null;
  readonly subscribedAt: string | null;
  readonly autoEnableControls: boolean | null;
}

export interface SecurityHubStandard {
  readonly standardsArn: string;
  /** PENDING | READY | FAILED | DELETING | INCOMPLETE */
  readonly status: string | null;
}

export interface SecurityHubSlice {
  /** securityhub:DescribeHub; null value = Security Hub is not enabled in the region (InvalidAccessException). */
  readonly hub: Observed<SecurityHubHub | null>;
  /** securityhub:GetEnabledStandards; null value = not read because the hub is not enabled. */
  readonly enabledStandards: Observed<readonly SecurityHubStandard[] | null>;
}
