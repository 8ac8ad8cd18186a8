import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import type { DynamoDbContinuousBackups, DynamoDbTable } from '../../core/slices/dynamodb.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { dynamodbTablePitrEnabled as check } from './dynamodb-table-pitr-enabled.js';

const table = (continuousBackups: Observed<DynamoDbContinuousBackups | null>): DynamoDbTable => ({
  name: 'orders',
  details: observed({ arn: 'arn:aws:dynamodb:eu-west-1:111111111111:table/orders', status: 'ACTIVE', billingMode: null, sse: null }),
  continuousBackups,
});
const cb = (pitrStatus: string | null): DynamoDbContinuousBackups => ({ continuousBackupsStatus: 'ENABLED', pitrStatus, recoveryPeriodInDays: 35 });
const run = (tables: Observed<readonly DynamoDbTable[]>) =>
  check.evaluate(aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', { dynamodb: observed({ tables }) })] })] }));

describe('dynamodb_table_pitr_enabled', () => {
  it.each([
    ['PITR enabled', observed(cb('ENABLED')), 'PASS'],
    ['PITR disabled', observed(cb('DISABLED')), 'FAIL'],
    ['PITR status missing', observed(cb(null)), 'UNKNOWN'],
    ['DescribeContinuousBackups denied', denied('dynamodb', 'DescribeContinuousBackups'), 'UNKNOWN'],
  ])('%s -> %s', (_label, continuousBackups, status) => {
    const outcomes = run(observed([table(continuousBackups)]));
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ status, resourceId: 'orders', resourceArn: 'arn:aws:dynamodb:eu-west-1:111111111111:table/orders' });
  });

  it('skips a table deleted during the scan', () => {
    expect(run(observed([table(observed(null))]))).toEqual([]);
  });

  it('is UNKNOWN for the region when the tables could not be listed', () => {
    expect(run(denied('dynamodb', 'ListTables')).map((o) => [o.resourceType, o.status])).toEqual([['AWS::::Region', 'UNKNOWN']]);
  });
});
