/** Snapshot slice for CloudFormation (regional): stacks that are not deleted, with drift status and tags. */
import type { Observed } from '../observed.js';

export interface CloudFormationStack {
  readonly stackName: string;
  readonly stackId: string;
  /** CREATE_COMPLETE, UPDATE_COMPLETE, ROLLBACK_COMPLETE, ... */
  readonly status: string;
  readonly createdAt: string | null;
  readonly lastUpdatedAt: string | null;
  /** Set for nested stacks. */
  readonly parentId: string | null;
  /** DRIFTED | IN_SYNC | UNKNOWN | NOT_CHECKED (DriftInformation.StackDriftStatus). */
  readonly driftStatus: string | null;
  readonly lastDriftCheckAt: string | null;
  readonly tags: Readonly<Record<string, string>>;
}

export interface CloudFormationSlice {
  /** cloudformation:DescribeStacks. */
  readonly stacks: Observed<readonly CloudFormationStack[]>;
}
