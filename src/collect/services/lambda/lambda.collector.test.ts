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
      publishedVersions: { count: 0, withSecrets: [], unreadable: [] },
    });
    expect(plain).toMatchObject({ runtime: null, environment: { ok: true, value: null } });
    expect(locked?.environment).toMatchObject({ ok: false, error: { kind: 'access_denied', code: 'AccessDeniedException', operation: 'ListFunctions' } });
    // The decrypt failure also joins the snapshot's error list, naming the function.
    expect(recorder.errors).toEqual([expect.objectContaining({ kind: 'access_denied', message: expect.stringContaining('locked') })]);
    expect(JSON.stringify(slice)).not.toContain(FAKE_SECRET);
    expect(JSON.stringify(slice)).not.toContain('orders');
  });

  it('lists every published version (FunctionVersion ALL) and keeps the versions that still hold secrets', async () => {
    const arn = 'arn:aws:lambda:us-east-1:111111111111:function:api';
    lambda.on(ListFunctionsCommand).resolves({
      Functions: [
        { FunctionName: 'api', FunctionArn: arn, Version: '$LATEST', Role: 'r', Environment: { Variables: { TABLE: 'orders' } } },
        { FunctionName: 'api', FunctionArn: `${arn}:1`, Version: '1', Role: 'r', Environment: { Variables: { TABLE: 'orders' } } },
        { FunctionName: 'api', FunctionArn: `${arn}:2`, Version: '2', Role: 'r', Environment: { Variables: { JWT_SECRET: FAKE_SECRET } } },
      ],
    });
    const slice = await lambdaCollector.collect(testCollectorContext().ctx);
    expect(lambda.commandCalls(ListFunctionsCommand)[0]?.args[0].input).toMatchObject({ FunctionVersion: 'ALL' });
    const [api, ...rest] = slice.functions.ok ? slice.functions.value : [];
    expect(rest).toEqual([]);
    expect(api).toMatchObject({
      arn,
      environment: { ok: true, value: { secretFindings: [] } },
      publishedVersions: { count: 2, withSecrets: [{ version: '2', secretFindings: [{ location: 'env:JWT_SECRET' }] }], unreadable: [] },
    });
    expect(JSON.stringify(slice)).not.toContain(FAKE_SECRET);
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
