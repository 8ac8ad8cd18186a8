import { BatchGetAccountStatusCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { inspector2Collector } from './inspector2.collector.js';

const inspector = mockClient(Inspector2Client);
const ACCOUNT = '111111111111';

function state(status: string) {
  return { status, errorCode: undefined, errorMessage: undefined } as never;
}

describe('inspector2Collector', () => {
  beforeEach(() => inspector.reset());

  it('collects the account status and the EC2/ECR/Lambda scan status', async () => {
    inspector.on(BatchGetAccountStatusCommand, { accountIds: [ACCOUNT] }).resolves({
      accounts: [
        {
          accountId: ACCOUNT,
          state: state('ENABLED'),
          resourceState: { ec2: state('ENABLED'), ecr: state('DISABLED'), lambda: state('ENABLED') },
        },
      ],
    });
    const { ctx } = testCollectorContext({ accountId: ACCOUNT });
    const slice = await inspector2Collector.collect(ctx);

    expect(slice.account).toEqual({ ok: true, value: { status: 'ENABLED', ec2: 'ENABLED', ecr: 'DISABLED', lambda: 'ENABLED', lambdaCode: null } });
  });

  it('records a never-enabled account (DISABLED) as data', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves({
      accounts: [{ accountId: ACCOUNT, state: state('DISABLED'), resourceState: { ec2: state('DISABLED'), ecr: state('DISABLED') } }],
    });
    const { ctx, recorder } = testCollectorContext({ accountId: ACCOUNT });
    const slice = await inspector2Collector.collect(ctx);

    expect(slice.account.ok && slice.account.value.status).toBe('DISABLED');
    expect(recorder.errors).toEqual([]);
  });

  it('turns an AccessDenied call and a failedAccounts ACCESS_DENIED entry into access_denied errors', async () => {
    inspector.on(BatchGetAccountStatusCommand).rejectsOnce(awsError('AccessDeniedException', 'no', 403));
    const first = testCollectorContext({ accountId: ACCOUNT });
    const denied = await inspector2Collector.collect(first.ctx);
    expect(denied.account.ok ? null : denied.account.error.kind).toBe('access_denied');

    inspector.on(BatchGetAccountStatusCommand).resolves({
      accounts: [],
      failedAccounts: [{ accountId: ACCOUNT, errorCode: 'ACCESS_DENIED', errorMessage: 'not allowed' }],
    });
    const second = testCollectorContext({ accountId: ACCOUNT });
    const failed = await inspector2Collector.collect(second.ctx);
    expect(failed.account.ok ? null : failed.account.error).toMatchObject({ kind: 'access_denied', code: 'AccessDeniedException' });
  });

  it('turns an unsupported-API answer (404) into an error value', async () => {
    inspector.on(BatchGetAccountStatusCommand).rejects(awsError('404', 'Not Found', 404));
    const { ctx } = testCollectorContext({ accountId: ACCOUNT });
    const slice = await inspector2Collector.collect(ctx);

    expect(slice.account.ok ? null : slice.account.error.kind).toBe('unsupported');
  });
});
