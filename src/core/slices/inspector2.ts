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

/**
 * Where a slice's answer came from when it was not the account's own read: the Organization's delegated
 * administrator for the service answered for this member (collect/organization-posture.ts,
 * docs/decisions/0012-region-signal.md "Organization-wide posture reads"). Absent: the account's own read.
 */
export interface DelegatedAdministratorRead {
  readonly kind: 'delegated-administrator';
  /** The delegated administrator account that was asked. */
  readonly accountId: string;
  /** The IAM action of the read, e.g. inspector2:BatchGetAccountStatus. */
  readonly operation: string;
}

export interface Inspector2Slice {
  /** The scanned account's status (an account never enabled reports DISABLED). */
  readonly account: Observed<Inspector2AccountStatus>;
  /** Set when the delegated administrator answered for this member instead of its own read. */
  readonly source?: DelegatedAdministratorRead | undefined;
}
