import { DescribeDBClustersCommand, DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { rdsCollector } from './rds.collector.js';

const rds = mockClient(RDSClient);

describe('rdsCollector', () => {
  beforeEach(() => rds.reset());

  it('collects instances and clusters with their backup, encryption, Multi-AZ and tag facts', async () => {
    rds.on(DescribeDBInstancesCommand).resolves({
      DBInstances: [
        {
          DBInstanceIdentifier: 'orders-db',
          DBInstanceArn: 'arn:aws:rds:us-east-1:111111111111:db:orders-db',
          Engine: 'postgres',
          DBInstanceStatus: 'available',
          BackupRetentionPeriod: 7,
          StorageEncrypted: true,
          MultiAZ: true,
          PubliclyAccessible: false,
          TagList: [{ Key: 'env', Value: 'prod' }],
        },
        { DBInstanceIdentifier: 'aurora-1', Engine: 'aurora-mysql', DBClusterIdentifier: 'aurora', BackupRetentionPeriod: 1, MultiAZ: false },
      ],
    });
    rds.on(DescribeDBClustersCommand).resolves({
      DBClusters: [
        {
          DBClusterIdentifier: 'aurora',
          Engine: 'aurora-mysql',
          BackupRetentionPeriod: 14,
          StorageEncrypted: true,
          MultiAZ: true,
          DBClusterMembers: [{ DBInstanceIdentifier: 'aurora-1' }],
        },
      ],
    });
    const { ctx } = testCollectorContext();
    const slice = await rdsCollector.collect(ctx);

    expect(slice.instances).toEqual({
      ok: true,
      value: [
        {
          id: 'orders-db',
          arn: 'arn:aws:rds:us-east-1:111111111111:db:orders-db',
          engine: 'postgres',
          status: 'available',
          clusterId: null,
          readReplicaSourceId: null,
          backupRetentionPeriod: 7,
          storageEncrypted: true,
          multiAz: true,
          publiclyAccessible: false,
          tags: { env: 'prod' },
        },
        expect.objectContaining({ id: 'aurora-1', clusterId: 'aurora', multiAz: false, storageEncrypted: null, tags: {} }),
      ],
    });
    expect(slice.clusters.ok && slice.clusters.value[0]).toMatchObject({ id: 'aurora', backupRetentionPeriod: 14, multiAz: true, memberIds: ['aurora-1'] });
  });

  it('keeps the instances when DescribeDBClusters is denied', async () => {
    rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [{ DBInstanceIdentifier: 'a' }] });
    rds.on(DescribeDBClustersCommand).rejects(awsError('AccessDenied', 'not authorized', 403));
    const { ctx, recorder } = testCollectorContext();
    const slice = await rdsCollector.collect(ctx);

    expect(slice.instances.ok && slice.instances.value.map((i) => i.id)).toEqual(['a']);
    expect(slice.clusters.ok ? null : slice.clusters.error).toMatchObject({ kind: 'access_denied', operation: 'DescribeDBClusters', service: 'rds' });
    expect(recorder.errors).toHaveLength(1);
  });

  it('turns an unsupported-API answer (404) into an error value', async () => {
    rds.on(DescribeDBInstancesCommand).rejects(awsError('404', 'Not Found', 404));
    rds.on(DescribeDBClustersCommand).resolves({ DBClusters: [] });
    const { ctx } = testCollectorContext();
    const slice = await rdsCollector.collect(ctx);

    expect(slice.instances.ok ? null : slice.instances.error.kind).toBe('unsupported');
    expect(slice.clusters).toEqual({ ok: true, value: [] });
  });
});
