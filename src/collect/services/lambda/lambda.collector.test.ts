import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { lambdaCollector } from './lambda.collector.js';

const lambda = mockClient(LambdaClient);
const FAKE_SECRET = 'x9Kq2LmP4vR8sT1w';

describe('lambdaCollector', () => {
  beforeEach(() => lambda.reset());

  it('keeps variable names and secret findings, never the values', async () => {
    lambda.on(ListFunctionsCommand).resolves({
      Functions: [
        {
          FunctionName: 'api', FunctionArn: 'arn:aws:lambda:us-east-1:111111111111:function:api', Runtime: 'nodejs20.x',
          Role: 'arn:aws:iam::111111111111:role/api', PackageType: 'Zip',
          Environment: { Variables: { TABLE: 'orders', JWT_SECRET: FAKE_SECRET } },
        },
        { FunctionName: 'plain', FunctionArn: 'arn:aws:lambda:us-east-1:111111111111:function:plain', Role: 'arn:aws:iam::111111111111:role/p', PackageType: 'Image' },
        {
          FunctionName: 'locked', FunctionArn: 'arn:aws:lambda:us-east-1:111111111111:function:locked', Role: 'arn:aws:iam::111111111111:role/l',
          Environment: { Error: { ErrorCode: 'AccessDeniedException', Message: 'kms:Decrypt denied' } },
        },
      ],
    });
    const { ctx, recorder } = testCollectorContext();
    const slice = await lambdaCollector.collect(ctx);
    const [api, plain, locked] = slice.functions.ok ? slice.functions.value : [];
    expect(api).toEqual({
      name: 'api', arn: 'arn:aws:lambda:us-east-1:111111111111:function:api', runtime: 'nodejs20.x',
      role: 'arn:aws:iam::111111111111:role/api', packageType: 'Zip',
      environment: {
        ok: true,
        value: { variableNames: ['JWT_SECRET', 'TABLE'], secretFindings: [{ location: 'env:JWT_SECRET', kind: 'secret-assignment', hint: 'JWT_SECRET set to a literal value' }] },
      },
    });
    expect(plain).toMatchObject({ runtime: null, environment: { ok: true, value: null } });
    expect(locked?.environment).toMatchObject({ ok: false, error: { kind: 'access_denied', code: 'AccessDeniedException', operation: 'ListFunctions' } });
    // The decrypt failure also joins the snapshot's error list, naming the function.
    expect(recorder.errors).toEqual([expect.objectContaining({ kind: 'access_denied', message: expect.stringContaining('locked') })]);
    expect(JSON.stringify(slice)).not.toContain(FAKE_SECRET);
    expect(JSON.stringify(slice)).not.toContain('orders');
  });

  it('reads a region without functions as an empty list', async () => {
    lambda.on(ListFunctionsCommand).resolves({});
    const slice = await lambdaCollector.collect(testCollectorContext().ctx);
    expect(slice.functions).toEqual({ ok: true, value: [] });
  });

  it('records a denied ListFunctions as an error value', async () => {
    lambda.on(ListFunctionsCommand).rejects(awsError('AccessDeniedException'));
    const slice = await lambdaCollector.collect(testCollectorContext().ctx);
    expect(slice.functions).toMatchObject({ ok: false, error: { kind: 'access_denied' } });
  });

  it('turns an unsupported-API answer into an error value', async () => {
    lambda.on(ListFunctionsCommand).rejects(awsError('404', 'Not Found', 404));
    const slice = await lambdaCollector.collect(testCollectorContext().ctx);
    expect(slice.functions).toMatchObject({ ok: false, error: { kind: 'unsupported' } });
  });
});
