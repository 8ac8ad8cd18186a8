import { accountRef, defineCheck, fail, manual, unknown } from '../../core/check.js';
import { arnAccount, brief, forEachAccountRegions, unseenNote } from './regional-reads.js';

/**
 * Competency 2.13: the DR plan covers recovery into another AWS account, with a full test in the last 12
 * months. AWS Backup copy actions to a vault in another account are evidence (MANUAL: the recovery test is
 * a document); no cross-account copy in any scanned region is a FAIL.
 */
export const backupCrossAccountCopyConfigured = defineCheck({
  id: 'backup_cross_account_copy_configured',
  title: 'Backups are copied to another AWS account',
  service: 'backup',
  resourceType: 'AWS::::Account',
  severity: 'medium',
  reads: ['backup:ListBackupPlans', 'backup:GetBackupPlan', 'backup:ListCopyJobs'],
  remediation: {
    summary:
      'Add a copy action to your backup plan rules that copies recovery points to a vault in a separate (backup or DR) account, and test a full recovery in that account at least every 12 months. If you replicate another way (S3 replication, Elastic Disaster Recovery), suppress this finding with a justification and attest the item.',
    docs: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html',
  },
  evaluate: (snapshot) =>
    forEachAccountRegions(snapshot, 'backup', (account, { seen, unseen }) => {
      const ref = accountRef(account);
      const unreadable = [
        ...unseen,
        ...seen.flatMap(({ region, value }) => (value.plans.ok ? [] : [{ region, reason: `${value.plans.error.code}: ${value.plans.error.message}` }])),
      ];
      const copies: { plan: string; rule: string; destination: string; region: string }[] = [];
      let plans = 0;
      for (const { region, value } of seen) {
        if (!value.plans.ok) continue;
        for (const plan of value.plans.value) {
          plans += 1;
          if (!plan.rules.ok) {
            unreadable.push({ region, reason: `backup:GetBackupPlan ${plan.name ?? plan.id} (${plan.rules.error.code})` });
            continue;
          }
          for (const rule of plan.rules.value ?? []) {
            for (const action of rule.copyActions) {
              const owner = arnAccount(action.destinationVaultArn);
              if (owner !== null && owner !== account.accountId) {
                copies.push({ plan: plan.name ?? plan.id, rule: rule.name, destination: action.destinationVaultArn, region });
              }
            }
          }
        }
      }
      const copyJobs = seen.flatMap(({ value }) =>
        value.copyJobs.ok
          ? value.copyJobs.value.filter((j) => j.state === 'COMPLETED' && j.destinationVaultArn !== null && arnAccount(j.destinationVaultArn) !== account.accountId)
          : [],
      );
      const destinationAccounts = [...new Set(copies.map((c) => arnAccount(c.destination) ?? ''))];
      const evidence = { backupPlans: plans, crossAccountCopies: copies, completedCrossAccountCopyJobs: copyJobs.length, unreadable: unreadable.map((u) => u.reason) };
      if (copies.length > 0) {
        return [
          manual(
            ref,
            `Backup plan(s) ${brief([...new Set(copies.map((c) => c.plan))], 3)} in account ${account.accountId} copy recovery points to account(s) ${destinationAccounts.join(', ')} (${copyJobs.length} completed cross-account copy job(s) in the job window). Attach the full recovery test into that account from the last 12 months.${unseenNote(unreadable)}`,
            evidence,
          ),
        ];
      }
      if (unreadable.length > 0) {
        return [unknown(ref, `No cross-account backup copy found in the readable backup plans of account ${account.accountId}.${unseenNote(unreadable)}`, evidence)];
      }
      return [
        fail(
          ref,
          plans === 0
            ? `Account ${account.accountId} has no AWS Backup plan in the scanned regions, so nothing copies backups to another account.`
            : `None of the ${plans} AWS Backup plan(s) in account ${account.accountId} copies recovery points to a vault in another account.`,
          evidence,
        ),
      ];
    }),
});
