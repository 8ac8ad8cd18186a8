/** Snapshot slice for Amazon Inspector (inspector2, regional). */
import type { Observed } from '../observed.js';

/** Per-account Inspector state from inspector2:BatchGetAccountStatus. Statuses: ENABLING | ENABLED | DISABLING | DISABLED | SUSPENDING | SUSPENDED */
export interface Inspector2AccountStatus {
  readonly status: string;
  readonly ec2: string | null;
  readonly ecr: string | null;
  readonly lambda: string | null;
  readonly lambdaCode: string | null;
}

export interface Inspector2Slice {
  /** The scanned account's own status (an account never enabled reports DISABLED). */
  readonly account: Observed<Inspector2AccountStatus>;
}
