/**
 * The account's IAM alias (iam:ListAccountAliases): the human name the report shows next to the account id
 * when the scan has no Organizations account name (a single account, or a member read without ListAccounts).
 * An account has at most one alias; none is `null`, not an error.
 */
import { IAMClient, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import type { CollectorContext, OperationSpec } from '../../collector.js';
import type { Observed } from '../../../core/observed.js';

export const ACCOUNT_ALIAS_OPERATION: OperationSpec = { operation: 'ListAccountAliases', iamAction: 'iam:ListAccountAliases' };

export function readAccountAlias(ctx: CollectorContext, client: IAMClient): Promise<Observed<string | null>> {
  return ctx.call('iam', 'ListAccountAliases', async () => {
    const out = await client.send(new ListAccountAliasesCommand({}), { abortSignal: ctx.signal });
    return out.AccountAliases?.[0] ?? null;
  });
}
