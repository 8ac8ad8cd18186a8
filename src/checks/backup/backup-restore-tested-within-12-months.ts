import { defineCheck, manual, pass } from '../../core/check.js';
import { forEachAccountAcrossRegions, monthsBefore, unknownFromGaps, withinTwelveMonths, type RegionGap } from '../wellarchitected/account-rollup.js';

/**
 * BAR-002 (partial): a restore was tested in the 12 months before the scan. A COMPLETED AWS Backup restore
 * job in that window (any scanned region) is PASS. Finding none is MANUAL, not FAIL: restores are often tested
 * outside AWS Backup (RDS snapshot restores, database dumps, DR drills), so the partner provides the restore
 * test record instead. Unreadable restore jobs (and no completed job elsewhere) are UNKNOWN.
 */
export const backupRestoreTestedWithin12Months = defineCheck({
  id: 'backup_restore_tested_within_12_months',
  title: 'A backup restore was tested in the last 12 months',
  service: 'backup',
  resourceType: 'AWS::::Account',
  severity: 'medium',
  reads: ['backup:ListRestoreJobs', 'backup:ListRestoreTestingPlans'],
  remediation: {
    summary:
      'Test restores on a schedule and after significant changes, and check the restored data meets your RPO/RTO. AWS Backup restore testing automates this; a restore done another way is evidenced by its test record (date, scope, result, RTO achieved).',
    console: 'AWS Backup console > Restore testing > Create restore testing plan > add protected resource selections; or Protected resources > <resource> > Restore.',
    cli: 'aws backup create-restore-testing-plan --restore-testing-plan file://restore-testing-plan.json\naws backup list-restore-jobs --by-status COMPLETED --by-created-after <yyyy-mm-dd>',
    iac: [
      '# CloudFormation',
      'RestoreTestingPlan:',
      '  Type: AWS::Backup::RestoreTestingPlan',
      '  Properties:',
      '    RestoreTestingPlanName: monthly_restore_test',
      '    ScheduleExpression: cron(0 6 1 * ? *)',
      '    RecoveryPointSelection:',
      '      Algorithm: LATEST_WITHIN_WINDOW',
      '      IncludeVaults: ["*"]',
      '      RecoveryPointTypes: [SNAPSHOT]',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing.html',
  },
  evaluate: (snapshot) =>
    forEachAccountAcrossRegions(snapshot, 'backup', ({ account, ref, slices, gaps: sliceGaps }) => {
      const gaps: RegionGap[] = [...sliceGaps];
      const since = monthsBefore(snapshot.finishedAt, 12);
      const jobs = slices.flatMap(({ region, value }) => {
        if (!value.restoreJobs.ok) {
          gaps.push({ region, reason: value.restoreJobs.error });
          return [];
        }
        return value.restoreJobs.value.map((job) => ({ region, job }));
      });
      const testingPlans = slices.flatMap(({ region, value }) =>
        value.restoreTestingPlans.ok ? value.restoreTestingPlans.value.map((p) => ({ region, name: p.name, lastExecutionTime: p.lastExecutionTime })) : [],
      );
      const completed = jobs
        .filter(({ job }) => job.status === 'COMPLETED' && withinTwelveMonths(job.completionDate ?? job.creationDate, snapshot))
        .sort((a, b) => Date.parse(b.job.completionDate ?? b.job.creationDate ?? '') - Date.parse(a.job.completionDate ?? a.job.creationDate ?? ''));
      const latest = completed[0];
      if (latest) {
        const when = (latest.job.completionDate ?? latest.job.creationDate ?? '').slice(0, 10);
        return [
          pass(ref, `Account ${account.accountId} completed ${completed.length} AWS Backup restore job(s) in the 12 months before the scan; the latest on ${when} (${latest.job.resourceType ?? 'resource'}, ${latest.region}).`, {
            since,
            completedRestoreJobs: completed.length,
            latest: { region: latest.region, id: latest.job.id, resourceType: latest.job.resourceType, completionDate: latest.job.completionDate, byRestoreTestingPlan: latest.job.restoreTestingPlanArn !== null },
            resourceTypes: [...new Set(completed.map(({ job }) => job.resourceType ?? 'unknown'))],
            restoreTestingPlans: testingPlans,
          }),
        ];
      }
      const evidence = {
        since,
        restoreJobsInWindow: jobs.length,
        failedOrAborted: jobs.filter(({ job }) => job.status === 'FAILED' || job.status === 'ABORTED').length,
        restoreTestingPlans: testingPlans,
      };
      if (gaps.length > 0) {
        return [unknownFromGaps(ref, `No completed AWS Backup restore job within 12 months was found in the readable regions of ${account.accountId}; provide the restore test record if restores were tested.`, gaps, evidence)];
      }
      return [
        manual(
          ref,
          `Account ${account.accountId} has no completed AWS Backup restore job in the 12 months before the scan (since ${since.slice(0, 10)}). Provide the restore test record (date, scope, result, RTO/RPO achieved) if restores were tested another way.`,
          evidence,
        ),
      ];
    },
    // One region is enough: a review/plan/restore anywhere counts for the account (core/check.ts).
    { regionsNeeded: 'any' },
  ),
});
