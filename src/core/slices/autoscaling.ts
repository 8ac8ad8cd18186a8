/** Snapshot slice for EC2 Auto Scaling (regional): groups, scaling policies and scheduled actions. */
import type { Observed } from '../observed.js';

export interface AutoScalingGroup {
  readonly name: string;
  readonly arn: string | null;
  readonly minSize: number;
  readonly maxSize: number;
  readonly desiredCapacity: number;
  readonly availabilityZones: readonly string[];
  readonly vpcSubnetIds: readonly string[];
  readonly instanceCount: number;
  readonly tags: Readonly<Record<string, string>>;
}

export interface AutoScalingPolicy {
  readonly groupName: string;
  readonly policyName: string;
  /** SimpleScaling | StepScaling | TargetTrackingScaling | PredictiveScaling */
  readonly policyType: string | null;
  readonly enabled: boolean;
}

export interface AutoScalingScheduledAction {
  readonly groupName: string;
  readonly name: string;
  readonly recurrence: string | null;
}

export interface AutoScalingSlice {
  /** autoscaling:DescribeAutoScalingGroups. */
  readonly groups: Observed<readonly AutoScalingGroup[]>;
  /** autoscaling:DescribePolicies. */
  readonly policies: Observed<readonly AutoScalingPolicy[]>;
  /** autoscaling:DescribeScheduledActions. */
  readonly scheduledActions: Observed<readonly AutoScalingScheduledAction[]>;
}
