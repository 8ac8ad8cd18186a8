import { BatchGetAccountStatusCommand, Inspector2Client, type AccountState } from '@aws-sdk/client-inspector2';
import { defineRegionalCollector } from '../../collector.js';
import type { Inspector2AccountStatus } from '../../../core/slices/inspector2.js';

/**
 * One account's status from a BatchGetAccountStatus answer. The same mapping serves the account's own read
 * and the delegated administrator's read for its members (collect/organization-posture.ts).
 */
export function accountStatusOf(state: AccountState): Inspector2AccountStatus {
  const r = state.resourceState;
  return {
    status: state.state?.status ?? 'UNKNOWN',
    ec2: r?.ec2?.status ?? null,
    ecr: r?.ecr?.status ?? null,
    lambda: r?.lambda?.status ?? null,
    lambdaCode: r?.lambdaCode?.status ?? null,
  };
}

/** An error for an account listed in BatchGetAccountStatus `failedAccounts`, shaped like an SDK error. */
function failedAccountError(code: string, message: string): Error {
  const err = new Error(message);
  err.name = code === 'ACCESS_DENIED' ? 'AccessDeniedException' : code;
  return err;
}

/** Amazon Inspector: the account's scan status for EC2, ECR and Lambda. An account never enabled reports DISABLED. */
export const inspector2Collector = defineRegionalCollector({
  service: 'inspector2',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md
  regionalReads: 'posture',
  operations: [{ operation: 'BatchGetAccountStatus', iamAction: 'inspector2:BatchGetAccountStatus' }],
  async collect(ctx) {
    const client = ctx.client(Inspector2Client);
    const account = await ctx.call('inspector2', 'BatchGetAccountStatus', async () => {
      const res = await client.send(new BatchGetAccountStatusCommand({ accountIds: [ctx.accountId] }));
      const mine = res.accounts?.find((a) => a.accountId === ctx.accountId) ?? res.accounts?.[0];
      if (!mine) {
        const failed = res.failedAccounts?.find((a) => a.accountId === ctx.accountId) ?? res.failedAccounts?.[0];
        throw failedAccountError(failed?.errorCode ?? 'NoAccountStatus', failed?.errorMessage ?? 'BatchGetAccountStatus returned no status for the account.');
      }
      return accountStatusOf(mine);
    });
    return { account };
  },
});
