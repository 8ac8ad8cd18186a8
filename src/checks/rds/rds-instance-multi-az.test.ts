import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import type { RdsCluster, RdsInstance } from '../../core/slices/rds.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { rdsInstanceMultiAz } from './rds-instance-multi-az.js';

const db = (o: Partial<RdsInstance> = {}): RdsInstance => ({
  id: 'orders-db', arn: 'arn:aws:rds:eu-west-1:111111111111:db:orders-db', engine: 'postgres', status: 'available', clusterId: null,
  readReplicaSourceId: null, backupRetentionPeriod: 7, storageEncrypted: true, multiAz: true, publiclyAccessible: false, tags: {}, ...o,
});
const cluster = (o: Partial<RdsCluster> = {}): RdsCluster => ({
  id: 'aurora', arn: null, engine: 'aurora-postgresql', status: 'available', backupRetentionPeriod: 7, storageEncrypted: true, multiAz: true, memberIds: [], tags: {}, ...o,
});
const snapshotOf = (instances: Observed<readonly RdsInstance[]>, clusters: Observed<readonly RdsCluster[]> = observed([])) =>
  aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', { rds: observed({ instances, clusters }) })] })] });

describe('rds_instance_multi_az', () => {
  it.each([
    ['Multi-AZ', db({ multiAz: true }), 'PASS'],
    ['single AZ', db({ multiAz: false }), 'FAIL'],
    ['not reported', db({ multiAz: null }), 'UNKNOWN'],
  ])('%s -> %s', (_label, instance, status) => {
    expect(rdsInstanceMultiAz.evaluate(snapshotOf(observed([instance]))).map((o) => o.status)).toEqual([status]);
  });

  it('judges an Aurora member by its cluster (Aurora instances always report MultiAZ=false)', () => {
    const member = db({ id: 'a-1', clusterId: 'aurora', multiAz: false });
    const multi = rdsInstanceMultiAz.evaluate(snapshotOf(observed([member]), observed([cluster({ multiAz: true, memberIds: ['a-1'] })])));
    expect(multi.map((o) => o.status)).toEqual(['PASS']);
    expect(multi[0]?.message).toContain('cluster aurora');
    const single = rdsInstanceMultiAz.evaluate(snapshotOf(observed([member]), observed([cluster({ multiAz: false, memberIds: ['a-1'] })])));
    expect(single.map((o) => o.status)).toEqual(['FAIL']);
  });

  it('is UNKNOWN for a cluster member when the clusters could not be read', () => {
    const outcomes = rdsInstanceMultiAz.evaluate(snapshotOf(observed([db({ clusterId: 'aurora', multiAz: false })]), denied('rds', 'DescribeDBClusters')));
    expect(outcomes.every((o) => o.status === 'UNKNOWN')).toBe(true);
  });
});
