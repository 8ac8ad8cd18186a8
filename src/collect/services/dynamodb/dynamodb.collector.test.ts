import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { dynamodbCollector } from './dynamodb.collector.js';

const ddb = mockClient(DynamoDBClient);

describe('dynamodbCollector', () => {
  beforeEach(() => ddb.reset());

  it('collects each table with encryption, billing mode and PITR status', async () => {
    ddb.on(ListTablesCommand).resolves({ TableNames: ['orders', 'sessions'] });
    ddb.on(DescribeTableCommand, { TableName: 'orders' }).resolves({
      Table: {
        TableArn: 'arn:aws:dynamodb:us-east-1:111111111111:table/orders',
        TableStatus: 'ACTIVE',
        BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
        SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/k' },
      },
    });
    ddb.on(DescribeTableCommand, { TableName: 'sessions' }).resolves({ Table: { TableStatus: 'ACTIVE' } });
    ddb.on(DescribeContinuousBackupsCommand, { TableName: 'orders' }).resolves({
      ContinuousBackupsDescription: {
        ContinuousBackupsStatus: 'ENABLED',
        PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED', RecoveryPeriodInDays: 35 },
      },
    });
    ddb.on(DescribeContinuousBackupsCommand, { TableName: 'sessions' }).resolves({
      ContinuousBackupsDescription: { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } },
    });
    const { ctx } = testCollectorContext();
    const slice = await dynamodbCollector.collect(ctx);

    expect(slice.tables).toEqual({
      ok: true,
      value: [
        {
          name: 'orders',
          details: {
            ok: true,
            value: {
              arn: 'arn:aws:dynamodb:us-east-1:111111111111:table/orders',
              status: 'ACTIVE',
              billingMode: 'PAY_PER_REQUEST',
              sse: { status: 'ENABLED', sseType: 'KMS', kmsKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/k' },
            },
          },
          continuousBackups: { ok: true, value: { continuousBackupsStatus: 'ENABLED', pitrStatus: 'ENABLED', recoveryPeriodInDays: 35 } },
        },
        {
          name: 'sessions',
          details: { ok: true, value: { arn: null, status: 'ACTIVE', billingMode: null, sse: null } },
          continuousBackups: { ok: true, value: { continuousBackupsStatus: 'ENABLED', pitrStatus: 'DISABLED', recoveryPeriodInDays: null } },
        },
      ],
    });
  });

  it('keeps the table description when DescribeContinuousBackups is denied', async () => {
    ddb.on(ListTablesCommand).resolves({ TableNames: ['orders'] });
    ddb.on(DescribeTableCommand).resolves({ Table: { TableStatus: 'ACTIVE' } });
    ddb.on(DescribeContinuousBackupsCommand).rejects(awsError('AccessDeniedException', 'not authorized', 400));
    const { ctx, recorder } = testCollectorContext();
    const slice = await dynamodbCollector.collect(ctx);

    const table = slice.tables.ok ? slice.tables.value[0] : undefined;
    expect(table?.details.ok).toBe(true);
    expect(table?.continuousBackups).toMatchObject({ ok: false, error: { kind: 'access_denied' } });
    expect(recorder.errors.map((e) => e.operation)).toEqual(['DescribeContinuousBackups']);
  });

  it('records a table deleted between listing and describing as null (not found)', async () => {
    ddb.on(ListTablesCommand).resolves({ TableNames: ['gone'] });
    ddb.on(DescribeTableCommand).rejects(awsError('ResourceNotFoundException'));
    ddb.on(DescribeContinuousBackupsCommand).rejects(awsError('TableNotFoundException'));
    const { ctx } = testCollectorContext();
    const slice = await dynamodbCollector.collect(ctx);

    expect(slice.tables).toEqual({
      ok: true,
      value: [{ name: 'gone', details: { ok: true, value: null }, continuousBackups: { ok: true, value: null } }],
    });
  });

  it('turns an unsupported ListTables (404) into an error value for the whole list', async () => {
    ddb.on(ListTablesCommand).rejects(awsError('404', 'Not Found', 404));
    const { ctx } = testCollectorContext();
    const slice = await dynamodbCollector.collect(ctx);

    expect(slice.tables.ok ? null : slice.tables.error).toMatchObject({ kind: 'unsupported', code: '404' });
  });
});
