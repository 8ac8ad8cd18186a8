import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  paginateListTables,
} from '@aws-sdk/client-dynamodb';
import { collectPages, defineRegionalCollector } from '../../collector.js';
import type { DynamoDbTable } from '../../../core/slices/dynamodb.js';
import { observed } from '../../../core/observed.js';

const TABLE_NOT_FOUND = ['ResourceNotFoundException', 'TableNotFoundException'];

/** DynamoDB tables: encryption (SSEDescription), billing mode and point-in-time recovery. */
export const dynamodbCollector = defineRegionalCollector({
  service: 'dynamodb',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md
  regionalReads: 'resources',
  configResourceTypes: ['AWS::DynamoDB::Table'],
  operations: [
    { operation: 'ListTables', iamAction: 'dynamodb:ListTables' },
    { operation: 'DescribeTable', iamAction: 'dynamodb:DescribeTable', notFoundCodes: TABLE_NOT_FOUND },
    { operation: 'DescribeContinuousBackups', iamAction: 'dynamodb:DescribeContinuousBackups', notFoundCodes: TABLE_NOT_FOUND },
  ],
  async collect(ctx) {
    const client = ctx.client(DynamoDBClient);
    const names = await ctx.call('dynamodb', 'ListTables', () =>
      collectPages(paginateListTables({ client }, {}), (p) => p.TableNames),
    );
    if (!names.ok) return { tables: names };

    const tables: DynamoDbTable[] = [];
    for (const name of names.value) {
      const [details, continuousBackups] = await Promise.all([
        ctx.call(
          'dynamodb',
          'DescribeTable',
          async () => {
            const t = (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
            const sse = t?.SSEDescription;
            return {
              arn: t?.TableArn ?? null,
              status: t?.TableStatus ?? null,
              billingMode: t?.BillingModeSummary?.BillingMode ?? null,
              sse: sse
                ? { status: sse.Status ?? null, sseType: sse.SSEType ?? null, kmsKeyArn: sse.KMSMasterKeyArn ?? null }
                : null,
            };
          },
          { notFoundCodes: TABLE_NOT_FOUND },
        ),
        ctx.call(
          'dynamodb',
          'DescribeContinuousBackups',
          async () => {
            const d = (await client.send(new DescribeContinuousBackupsCommand({ TableName: name }))).ContinuousBackupsDescription;
            const pitr = d?.PointInTimeRecoveryDescription;
            return {
              continuousBackupsStatus: d?.ContinuousBackupsStatus ?? null,
              pitrStatus: pitr?.PointInTimeRecoveryStatus ?? null,
              recoveryPeriodInDays: pitr?.RecoveryPeriodInDays ?? null,
            };
          },
          { notFoundCodes: TABLE_NOT_FOUND },
        ),
      ]);
      tables.push({ name, details, continuousBackups });
    }
    return { tables: observed(tables) };
  },
});
