import type { CheckDefinition } from '../../core/check.js';
import { autoscalingGroupMultiAz } from './autoscaling-group-multi-az.js';
import { autoscalingInUse } from './autoscaling-in-use.js';
import { backupCrossAccountCopyConfigured } from './backup-cross-account-copy-configured.js';
import { cloudwatchAlarmsNotifyOperations } from './cloudwatch-alarms-notify-operations.js';
import { deploymentPipelineInUse } from './deployment-pipeline-in-use.js';
import { iacStacksManageInfrastructure } from './iac-stacks-manage-infrastructure.js';
import { instanceChangeDetectionEnabled } from './instance-change-detection-enabled.js';
import { logsCentralizedCollection } from './logs-centralized-collection.js';
import { s3PublicExposureMonitoringEnabled } from './s3-public-exposure-monitoring-enabled.js';

/** The operations checks: the competency-only items (no FTR counterpart) and the checks that combine services. */
export const operationsChecks: readonly CheckDefinition[] = [
  logsCentralizedCollection,
  cloudwatchAlarmsNotifyOperations,
  iacStacksManageInfrastructure,
  autoscalingInUse,
  autoscalingGroupMultiAz,
  deploymentPipelineInUse,
  s3PublicExposureMonitoringEnabled,
  instanceChangeDetectionEnabled,
  backupCrossAccountCopyConfigured,
];
