import {
  RDSClient,
  paginateDescribeDBClusters,
  paginateDescribeDBInstances,
  type DBCluster,
  type DBInstance,
  type Tag,
} from '@aws-sdk/client-rds';
import { collectPages, defineRegionalCollector } from '../../collector.js';
import type { RdsCluster, RdsInstance } from '../../../core/slices/rds.js';

function tagMap(tags: readonly Tag[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.Key !== undefined) out[tag.Key] = tag.Value ?? '';
  return out;
}

function toInstance(db: DBInstance): RdsInstance {
  return {
    id: db.DBInstanceIdentifier ?? '',
    arn: db.DBInstanceArn ?? null,
    engine: db.Engine ?? null,
    status: db.DBInstanceStatus ?? null,
    clusterId: db.DBClusterIdentifier ?? null,
    readReplicaSourceId: db.ReadReplicaSourceDBInstanceIdentifier ?? db.ReadReplicaSourceDBClusterIdentifier ?? null,
    backupRetentionPeriod: db.BackupRetentionPeriod ?? null,
    storageEncrypted: db.StorageEncrypted ?? null,
    multiAz: db.MultiAZ ?? null,
    publiclyAccessible: db.PubliclyAccessible ?? null,
    tags: tagMap(db.TagList),
  };
}

function toCluster(c: DBCluster): RdsCluster {
  return {
    id: c.DBClusterIdentifier ?? '',
    arn: c.DBClusterArn ?? null,
    engine: c.Engine ?? null,
    status: c.Status ?? null,
    backupRetentionPeriod: c.BackupRetentionPeriod ?? null,
    storageEncrypted: c.StorageEncrypted ?? null,
    multiAz: c.MultiAZ ?? null,
    memberIds: (c.DBClusterMembers ?? []).flatMap((m) => (m.DBInstanceIdentifier ? [m.DBInstanceIdentifier] : [])),
    tags: tagMap(c.TagList),
  };
}

/** RDS DB instances and clusters: backup retention, encryption, Multi-AZ, public accessibility, tags. */
export const rdsCollector = defineRegionalCollector({
  service: 'rds',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md
  regionalReads: 'resources',
  configResourceTypes: ['AWS::RDS::DBCluster', 'AWS::RDS::DBInstance'],
  operations: [
    { operation: 'DescribeDBInstances', iamAction: 'rds:DescribeDBInstances' },
    { operation: 'DescribeDBClusters', iamAction: 'rds:DescribeDBClusters' },
  ],
  async collect(ctx) {
    const client = ctx.client(RDSClient);
    const [instances, clusters] = await Promise.all([
      ctx.call('rds', 'DescribeDBInstances', async () =>
        (await collectPages(paginateDescribeDBInstances({ client }, {}), (p) => p.DBInstances)).map(toInstance),
      ),
      ctx.call('rds', 'DescribeDBClusters', async () =>
        (await collectPages(paginateDescribeDBClusters({ client }, {}), (p) => p.DBClusters)).map(toCluster),
      ),
    ]);
    return { instances, clusters };
  },
});
