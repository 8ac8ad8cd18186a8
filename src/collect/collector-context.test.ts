import { GetAccountPasswordPolicyCommand, IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../test/helpers/collector-context.js';

const iam = mockClient(IAMClient);
afterEach(() => iam.reset());

describe('CollectorContext.call', () => {
  it('returns the value and records an ok outcome', async () => {
    iam.on(ListUsersCommand).resolves({ Users: [] });
    const { ctx, recorder } = testCollectorContext();
    const result = await ctx.call('iam', 'ListUsers', () => ctx.client(IAMClient).send(new ListUsersCommand({})));
    expect(result.ok).toBe(true);
    expect(recorder.operations()).toEqual([
      expect.objectContaining({ service: 'iam', operation: 'ListUsers', outcome: 'ok', accountId: '111111111111' }),
    ]);
  });

  it('turns a not-found code into an observed null', async () => {
    iam.on(GetAccountPasswordPolicyCommand).rejects(awsError('NoSuchEntity', 'no policy', 404));
    const { ctx, recorder } = testCollectorContext();
    const result = await ctx.call(
      'iam',
      'GetAccountPasswordPolicy',
      () => ctx.client(IAMClient).send(new GetAccountPasswordPolicyCommand({})),
      { notFoundCodes: ['NoSuchEntity'] },
    );
    expect(result).toEqual({ ok: true, value: null });
    expect(recorder.errors).toHaveLength(0);
    expect(recorder.operations()[0]?.outcome).toBe('not_found');
  });

  it('turns an AWS error into an error value and records it, never throwing', async () => {
    iam.on(ListUsersCommand).rejects(awsError('AccessDenied', 'not authorized', 403));
    const { ctx, recorder } = testCollectorContext();
    const result = await ctx.call('iam', 'ListUsers', () => ctx.client(IAMClient).send(new ListUsersCommand({})));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('access_denied');
    expect(recorder.errors).toHaveLength(1);
    expect(recorder.operations()[0]).toMatchObject({ outcome: 'access_denied', code: 'AccessDenied' });
  });

  it('refuses new calls once the scan is aborted', async () => {
    iam.on(ListUsersCommand).resolves({ Users: [] });
    const { ctx, abort } = testCollectorContext();
    abort.abort('interrupted by the user (Ctrl-C)');
    const result = await ctx.call('iam', 'ListUsers', () => ctx.client(IAMClient).send(new ListUsersCommand({})));
    expect(!result.ok && result.error.kind).toBe('aborted');
    expect(iam.calls()).toHaveLength(0);
  });
});
