import { defineCheck, fail, manual, notApplicable, regionRef, unknown } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import { regionalSlice } from './regional-reads.js';

const RUNTIME_FEATURES = new Set(['RUNTIME_MONITORING', 'EKS_RUNTIME_MONITORING']);

/**
 * Competency 1.20: change detection for EC2 instances and containers (file integrity), stored durably off
 * the host. AWS Config recording EC2 instances and GuardDuty Runtime Monitoring are the AWS-native signals
 * (MANUAL: file-integrity monitoring itself is not visible to the API); neither is a FAIL. Regions whose
 * EC2 data shows no instance are NOT_APPLICABLE.
 */
export const instanceChangeDetectionEnabled = defineCheck({
  id: 'instance_change_detection_enabled',
  title: 'Changes on EC2 instances and containers are detected and recorded off-host',
  service: 'config',
  resourceType: 'AWS::::Region',
  severity: 'medium',
  reads: ['config:DescribeConfigurationRecorders', 'config:DescribeConfigurationRecorderStatus', 'guardduty:ListDetectors', 'guardduty:GetDetector', 'ec2:DescribeInstances'],
  remediation: {
    summary:
      'Record configuration changes of EC2 instances with AWS Config, turn on GuardDuty Runtime Monitoring for EC2, EKS and ECS, and run a file-integrity monitoring agent whose records leave the host (CloudWatch Logs, a SIEM). If an agent already covers this, suppress this finding with a justification and attest the item.',
    docs: 'https://docs.aws.amazon.com/guardduty/latest/ug/runtime-monitoring.html',
  },
  evaluate: (snapshot) => {
    const out: CheckOutcome[] = [];
    for (const account of snapshot.accounts) {
      if (!account.access.ok) {
        out.push(unknown({ accountId: account.accountId, region: null, resourceType: 'AWS::::Account', resourceId: account.accountId }, account.access.error));
        continue;
      }
      for (const regional of account.regional) {
        const { region } = regional;
        const ref = regionRef(account.accountId, region);
        const where = `${account.accountId}/${region}`;
        const ec2 = regionalSlice(regional, 'ec2', account.accountId);
        if (ec2.ok && ec2.value.instances.ok && ec2.value.instances.value.length === 0) {
          out.push(notApplicable(ref, `No EC2 instance in ${where}.`));
          continue;
        }
        // A posture-only region: AWS Config counts no instance there (docs/decisions/0012-region-signal.md).
        if (ec2.ok && !ec2.value.instances.ok && ec2.value.instances.error.kind === 'not_read') {
          out.push(unknown(ref, ec2.value.instances.error));
          continue;
        }
        const signals: string[] = [];
        const unseen: string[] = [];
        const config = regionalSlice(regional, 'config', account.accountId);
        if (!config.ok) unseen.push(config.reason);
        else if (!config.value.recorders.ok) unseen.push(`config:DescribeConfigurationRecorders (${config.value.recorders.error.code})`);
        else if (!config.value.recorderStatuses.ok) unseen.push(`config:DescribeConfigurationRecorderStatus (${config.value.recorderStatuses.error.code})`);
        else {
          const statuses = config.value.recorderStatuses.value;
          const recording = config.value.recorders.value.filter((r) => {
            const covers = (r.allSupported || r.resourceTypes.includes('AWS::EC2::Instance')) && !r.excludedResourceTypes.includes('AWS::EC2::Instance');
            return covers && statuses.some((s) => s.name === r.name && s.recording);
          });
          if (recording.length > 0) signals.push(`AWS Config recorder ${recording.map((r) => r.name).join(', ')} records EC2 instances`);
        }
        const gd = regionalSlice(regional, 'guardduty', account.accountId);
        if (!gd.ok) unseen.push(gd.reason);
        else if (!gd.value.detectors.ok) unseen.push(`guardduty:ListDetectors (${gd.value.detectors.error.code})`);
        else {
          for (const d of gd.value.detectors.value) {
            if (!d.details.ok) {
              unseen.push(`guardduty:GetDetector (${d.details.error.code})`);
              continue;
            }
            const runtime = d.details.value.features.filter((f) => RUNTIME_FEATURES.has(f.name) && f.status === 'ENABLED');
            if (d.details.value.status === 'ENABLED' && runtime.length > 0) signals.push(`GuardDuty ${runtime.map((f) => f.name).join(', ')} is enabled`);
          }
        }
        const evidence = { signals, unreadable: unseen };
        if (signals.length > 0) {
          out.push(
            manual(
              ref,
              `In ${where}: ${signals.join('; ')}. File-integrity monitoring on instances and containers is not visible to the API: attest the tool and where its records are kept.`,
              evidence,
            ),
          );
        } else if (unseen.length > 0) {
          out.push(unknown(ref, `No AWS-native change detection found in ${where}, but some sources could not be read: ${unseen.join('; ')}.`, evidence));
        } else {
          out.push(
            fail(
              ref,
              `Neither AWS Config (recording EC2 instances) nor GuardDuty Runtime Monitoring is enabled in ${where}. If a file-integrity monitoring agent covers these instances and containers, suppress this finding with a justification and attest the item.`,
              evidence,
            ),
          );
        }
      }
    }
    return out;
  },
});
