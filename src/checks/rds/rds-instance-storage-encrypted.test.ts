import { describe, expect, it } from 'vitest';
import type { Observed } from '../../core/observed.js';
import type { RdsCluster, RdsInstance } from '../../core/slices/rds.js';
import { aRegion, aSnapshot, anAccount, denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { rdsInstanceStorageEncrypted } from './rds-instance-storage-encrypted.js';

const db = (o: Partial<RdsInstance> = {}): RdsInstance => ({
  id: 'orders-db', arn: 'arn:aws:rds:eu-west-1:111111111111:db:orders-db', engine: 'postgres', status: 'available', clusterId: null,
  readReplicaSourceId: null, backupRetentionPeriod: 7, storageEncrypted: true, multiAz: true, publiclyAccessible: false, tags: {}, ...o,
});
const cluster = (o: Partial<RdsCluster> = {}): RdsCluster => ({
  id: 'aurora', arn: null, engine: 'aurora-postgresql', status: 'available', backupRetentionPeriod: 7, storageEncrypted: true, multiAz: true, memberIds: [], tags: {}, ...o,
});
const snapshotOf = (instances: Observed<readonly RdsInstance[]>, clusters: Observed<readonly RdsCluster[]> = observed([])) =>
  aSnapshot({ accounts: [anAccount({ regional: [aRegion('eu-west-1', { rds: observed({ instances, clusters }) })] })] });

describe('rds_instance_storage_encrypted', () => {
  it.each([
    ['encrypted', db({ storageEncrypted: true }), 'PASS'],
    ['not encrypted', db({ storageEncrypted: false }), 'FAIL'],
    ['not reported', db({ storageEncrypted: null }), 'UNKNOWN'],
  ])('%s -> %s', (_label, instance, status) => {
    expect(rdsInstanceStorageEncrypted.evaluate(snapshotOf(observed([instance]))).map((o) => o.status)).toEqual([status]);
  });

  it('takes encryption of an Aurora member from its cluster', () => {
    const member = db({ id: 'a-1', clusterId: 'aurora', storageEncrypted: null });
    const outcomes = rdsInstanceStorageEncrypted.evaluate(snapshotOf(observed([member]), observed([cluster({ storageEncrypted: false })])));
    expect(outcomes.map((o) => [o.resourceId, o.status])).toEqual([['a-1', 'FAIL']]);
  });

  it('is UNKNOWN when the instances could not be read', () => {
    expect(rdsInstanceStorageEncrypted.evaluate(snapshotOf(denied('rds', 'DescribeDBInstances'))).map((o) => o.status)).toEqual(['UNKNOWN']);
  });
});
