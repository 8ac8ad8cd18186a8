import { IAMClient, ListAccountAliasesCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { readAccountAlias } from './account-alias.js';

const iam = mockClient(IAMClient);

describe('readAccountAlias (iam:ListAccountAliases)', () => {
  afterEach(() => iam.reset());

  it('returns the alias (an account has at most one)', async () => {
    iam.on(ListAccountAliasesCommand).resolves({ AccountAliases: ['anycompany-prod'], IsTruncated: false });
    const { ctx } = testCollectorContext();
    expect(await readAccountAlias(ctx, ctx.client(IAMClient))).toEqual({ ok: true, value: 'anycompany-prod' });
  });

  it('returns null when no alias is set', async () => {
    iam.on(ListAccountAliasesCommand).resolves({ AccountAliases: [], IsTruncated: false });
    const { ctx } = testCollectorContext();
    expect(await readAccountAlias(ctx, ctx.client(IAMClient))).toEqual({ ok: true, value: null });
  });

  it('keeps a denial as an error, never a made-up name', async () => {
    iam.on(ListAccountAliasesCommand).rejects(awsError('AccessDenied', 'not authorized', 403));
    const { ctx } = testCollectorContext();
    const alias = await readAccountAlias(ctx, ctx.client(IAMClient));
    expect(alias).toMatchObject({ ok: false, error: { kind: 'access_denied' } });
  });
});
