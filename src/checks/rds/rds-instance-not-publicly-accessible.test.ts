import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import type { RdsCluster, RdsInstance } from '../../core/slices/rds.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { rdsInstanceNotPubliclyAccessible } from './rds-instance-not-publicly-accessible.js';

const db = (o: Partial<RdsInstance> = {}): RdsInstance => ({
  id: 'orders-db', arn: 'arn:aws:rds:eu-west-1:111111111111:db:orders-db', engine: 'postgres', status: 'available', clusterId: null,
  readReplicaSourceId: null, backupRetentionPeriod: 7, storageEncrypted: true, multiAz: true, publiclyAccessible: false, tags: {}, ...o,
});
const snapshotOf = (instances: Observed<readonly RdsInstance[]>, clusters: Observed<readonly RdsCluster[]> = observed([])) =>
  aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', { rds: observed({ instances, clusters }) })] })] });

describe('rds_instance_not_publicly_accessible', () => {
  it.each([
    ['private', db({ publiclyAccessible: false }), 'PASS'],
    ['public', db({ publiclyAccessible: true }), 'FAIL'],
    ['not reported', db({ publiclyAccessible: null }), 'UNKNOWN'],
  ])('%s -> %s', (_label, instance, status) => {
    const outcomes = rdsInstanceNotPubliclyAccessible.evaluate(snapshotOf(observed([instance])));
    expect(outcomes.map((o) => [o.resourceId, o.status])).toEqual([['orders-db', status]]);
  });

  it('ignores the cluster listing (public access is a per-instance setting)', () => {
    const outcomes = rdsInstanceNotPubliclyAccessible.evaluate(
      snapshotOf(observed([db({ clusterId: 'aurora', publiclyAccessible: true })]), denied('rds', 'DescribeDBClusters')),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['FAIL']);
  });

  it('is UNKNOWN when the instances could not be read', () => {
    expect(rdsInstanceNotPubliclyAccessible.evaluate(snapshotOf(denied('rds', 'DescribeDBInstances'))).map((o) => o.status)).toEqual(['UNKNOWN']);
  });
});
