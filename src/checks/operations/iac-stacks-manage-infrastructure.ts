import { accountRef, defineCheck, fail, manual, unknown } from '../../core/check.js';
import { brief, forEachAccountRegions, unseenNote } from './regional-reads.js';

const INACTIVE = new Set(['DELETE_COMPLETE', 'DELETE_IN_PROGRESS', 'ROLLBACK_COMPLETE', 'ROLLBACK_IN_PROGRESS', 'CREATE_FAILED']);

/**
 * Competency 2.5: infrastructure is provisioned and managed as code, with no routine console changes.
 * CloudFormation stacks are evidence (MANUAL: Terraform is invisible to the API and coverage needs a
 * person); a stack whose last drift check found changes made outside its template is a FAIL.
 */
export const iacStacksManageInfrastructure = defineCheck({
  id: 'iac_stacks_manage_infrastructure',
  title: 'Infrastructure is managed by infrastructure-as-code stacks without drift',
  service: 'cloudformation',
  resourceType: 'AWS::::Account',
  severity: 'medium',
  reads: ['cloudformation:DescribeStacks'],
  remediation: {
    summary:
      'Provision and change the workload through infrastructure as code (CloudFormation, CDK or Terraform) from a pipeline, and bring drifted stacks back in line with their templates. Run drift detection regularly.',
    cli: 'aws cloudformation detect-stack-drift --stack-name <name>',
    docs: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-stack-drift.html',
  },
  evaluate: (snapshot) =>
    forEachAccountRegions(snapshot, 'cloudformation', (account, { seen, unseen }) => {
      const ref = accountRef(account);
      const stacks = seen.flatMap(({ region, value }) => (value.stacks.ok ? value.stacks.value.map((s) => ({ ...s, region })) : []));
      const unreadable = [
        ...unseen,
        ...seen.flatMap(({ region, value }) => (value.stacks.ok ? [] : [{ region, reason: `${value.stacks.error.code}: ${value.stacks.error.message}` }])),
      ];
      const active = stacks.filter((s) => !INACTIVE.has(s.status));
      const drifted = active.filter((s) => s.driftStatus === 'DRIFTED');
      const neverChecked = active.filter((s) => s.driftStatus === null || s.driftStatus === 'NOT_CHECKED');
      const topLevel = active.filter((s) => s.parentId === null);
      const evidence = {
        stacks: active.length,
        topLevelStacks: topLevel.map((s) => `${s.region}/${s.stackName}`).slice(0, 50),
        drifted: drifted.map((s) => `${s.region}/${s.stackName}`),
        neverDriftChecked: neverChecked.length,
        unreadableRegions: unreadable.map((u) => u.region),
      };
      if (drifted.length > 0) {
        return [
          fail(
            ref,
            `${drifted.length} CloudFormation stack(s) in account ${account.accountId} have drifted from their templates (${brief(drifted.map((s) => `${s.region}/${s.stackName}`), 3)}): resources were changed outside infrastructure as code.`,
            evidence,
          ),
        ];
      }
      if (active.length === 0 && unreadable.length > 0) {
        return [unknown(ref, `No CloudFormation stack found in the readable regions of account ${account.accountId}.${unseenNote(unreadable)}`, evidence)];
      }
      if (active.length === 0) {
        return [
          manual(
            ref,
            `Account ${account.accountId} has no CloudFormation stacks in the scanned regions. If you use Terraform or another tool, attest the item with the repository and pipeline that manage the infrastructure.`,
            evidence,
          ),
        ];
      }
      const drift = neverChecked.length > 0 ? ` ${neverChecked.length} were never drift-checked.` : ' No drift was found.';
      return [
        manual(
          ref,
          `${active.length} CloudFormation stack(s) (${topLevel.length} top-level) in account ${account.accountId}: ${brief(topLevel.map((s) => s.stackName), 5)}.${drift} Confirm that all infrastructure is managed as code and console changes are not routine.${unseenNote(unreadable)}`,
          evidence,
        ),
      ];
    }),
});
