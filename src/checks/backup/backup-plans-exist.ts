import { defineCheck, fail, pass } from '../../core/check.js';
import { forEachAccountAcrossRegions, unknownFromGaps, type RegionGap } from '../wellarchitected/account-rollup.js';

/**
 * BAR-001 (partial): the account has an AWS Backup plan that actually backs something up (at least one
 * resource selection). One outcome per account across the scanned regions. Native backups (RDS retention,
 * DynamoDB PITR, S3 versioning) are judged by their own checks; which data is "critical" is for a person.
 */
export const backupPlansExist = defineCheck({
  id: 'backup_plans_exist',
  title: 'AWS Backup plans exist and assign resources',
  service: 'backup',
  resourceType: 'AWS::::Account',
  severity: 'medium',
  reads: ['backup:ListBackupPlans', 'backup:ListBackupSelections'],
  remediation: {
    summary:
      'Create an AWS Backup plan with a schedule and retention that meet your RPO, and assign the critical resources to it (by tag or ARN). If you rely only on service-native backups, document that under BAR-001.',
    console: 'AWS Backup console > Backup plans > Create backup plan (e.g. "Daily-35day-Retention") > Assign resources (by tag, e.g. backup=daily).',
    cli: 'aws backup create-backup-plan --backup-plan file://plan.json\naws backup create-backup-selection --backup-plan-id <plan-id> --backup-selection file://selection.json',
    docs: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/creating-a-backup-plan.html',
  },
  evaluate: (snapshot) =>
    forEachAccountAcrossRegions(snapshot, 'backup', ({ account, ref, slices, gaps: sliceGaps }) => {
      const gaps: RegionGap[] = [...sliceGaps];
      const plans = slices.flatMap(({ region, value }) => {
        if (!value.plans.ok) {
          gaps.push({ region, reason: value.plans.error });
          return [];
        }
        return value.plans.value.map((plan) => ({ region, plan }));
      });
      const summary = plans.map(({ region, plan }) => ({
        region,
        plan: plan.name ?? plan.id,
        selections: plan.selections.ok ? plan.selections.value.length : null,
      }));
      const assigned = plans.filter(({ plan }) => plan.selections.ok && plan.selections.value.length > 0);
      if (assigned.length > 0) {
        const names = assigned.map(({ region, plan }) => `${plan.name ?? plan.id} (${region})`);
        return [pass(ref, `Account ${account.accountId} has AWS Backup plans that assign resources: ${names.join(', ')}.`, { plans: summary })];
      }
      for (const { region, plan } of plans) if (!plan.selections.ok) gaps.push({ region, reason: plan.selections.error });
      if (gaps.length > 0) {
        return [unknownFromGaps(ref, `No AWS Backup plan with assigned resources was found in the readable data of ${account.accountId}.`, gaps, { plans: summary })];
      }
      if (plans.length > 0) {
        return [fail(ref, `Account ${account.accountId} has AWS Backup plans (${summary.map((p) => p.plan).join(', ')}) but none assigns any resource.`, { plans: summary })];
      }
      return [fail(ref, `Account ${account.accountId} has no AWS Backup plan in the scanned regions.`, { plans: [] })];
    },
    // One region is enough: a review/plan/restore anywhere counts for the account (core/check.ts).
    { regionsNeeded: 'any' },
  ),
});
