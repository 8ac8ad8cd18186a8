import { accountRef, defineCheck, manual, unknown } from '../../core/check.js';
import { brief, forEachAccountRegions, unseenNote } from './regional-reads.js';

/**
 * Competency 3.1: code deployments are automated, with no interactive SSH/RDP to deploy. CodePipeline
 * pipelines are evidence; other CI/CD systems are invisible to the API, so this check is MANUAL.
 */
export const deploymentPipelineInUse = defineCheck({
  id: 'deployment_pipeline_in_use',
  title: 'Deployments run through an automated pipeline',
  service: 'codepipeline',
  resourceType: 'AWS::::Account',
  severity: 'low',
  reads: ['codepipeline:ListPipelines', 'codepipeline:ListPipelineExecutions'],
  remediation: {
    summary:
      'Deploy every change through an automated pipeline (CodePipeline, GitHub Actions, GitLab CI, Jenkins) and remove interactive SSH/RDP access as a way to deploy (use Systems Manager for break-glass access).',
    docs: 'https://docs.aws.amazon.com/codepipeline/latest/userguide/welcome.html',
  },
  evaluate: (snapshot) =>
    forEachAccountRegions(snapshot, 'codepipeline', (account, { seen, unseen }) => {
      const ref = accountRef(account);
      const unreadable = [
        ...unseen,
        ...seen.flatMap(({ region, value }) => (value.pipelines.ok ? [] : [{ region, reason: `${value.pipelines.error.code}: ${value.pipelines.error.message}` }])),
      ];
      const pipelines = seen.flatMap(({ region, value }) => (value.pipelines.ok ? value.pipelines.value.map((p) => ({ ...p, region })) : []));
      const runs = pipelines.map((p) => ({
        pipeline: `${p.region}/${p.name}`,
        lastStatus: p.latestExecution?.ok ? (p.latestExecution.value?.status ?? 'never run') : null,
        lastRun: p.latestExecution?.ok ? (p.latestExecution.value?.startedAt ?? null) : null,
      }));
      const evidence = { pipelines: runs.slice(0, 50), unreadableRegions: unreadable.map((u) => u.region) };
      if (pipelines.length === 0 && unreadable.length > 0) {
        return [unknown(ref, `No CodePipeline pipeline found in the readable regions of account ${account.accountId}.${unseenNote(unreadable)}`, evidence)];
      }
      if (pipelines.length === 0) {
        return [
          manual(
            ref,
            `Account ${account.accountId} has no CodePipeline pipelines. If you deploy with another CI/CD system, attest the item with the pipeline and evidence that nobody deploys over SSH/RDP.`,
            evidence,
          ),
        ];
      }
      const latest = runs.map((r) => r.lastRun).filter((d): d is string => d !== null).sort().pop();
      return [
        manual(
          ref,
          `${pipelines.length} CodePipeline pipeline(s) in account ${account.accountId} (${brief(pipelines.map((p) => p.name), 3)})${latest ? `, last run ${latest.slice(0, 10)}` : ''}. Confirm every production deployment goes through a pipeline and nobody deploys over SSH/RDP.${unseenNote(unreadable)}`,
          evidence,
        ),
      ];
    }),
});
