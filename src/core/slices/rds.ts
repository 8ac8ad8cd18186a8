/** Snapshot slice for Amazon RDS (regional): DB instances and DB clusters as AWS reports them. */
import type { Observed } from '../observed.js';

/**
 * One DB instance (rds:DescribeDBInstances). For a member of a DB cluster (Aurora, Multi-AZ DB cluster) the
 * backup, encryption and Multi-AZ facts that count are the cluster's: checks resolve them via `clusterId`.
 */
export interface RdsInstance {
  readonly id: string;
  readonly arn: string | null;
  readonly engine: string | null;
  readonly status: string | null;
  /** DBClusterIdentifier when the instance belongs to a cluster, else null. */
  readonly clusterId: string | null;
  /** Source instance/cluster id when this is a read replica, else null. */
  readonly readReplicaSourceId: string | null;
  /** Automated backup retention in days; 0 = automated backups off. */
  readonly backupRetentionPeriod: number | null;
  readonly storageEncrypted: boolean | null;
  readonly multiAz: boolean | null;
  readonly publiclyAccessible: boolean | null;
  readonly tags: Readonly<Record<string, string>>;
}

/** One DB cluster (rds:DescribeDBClusters): Aurora or Multi-AZ DB cluster. */
export interface RdsCluster {
  readonly id: string;
  readonly arn: string | null;
  readonly engine: string | null;
  readonly status: string | null;
  readonly backupRetentionPeriod: number | null;
  readonly storageEncrypted: boolean | null;
  /** True when the cluster has instances in more than one Availability Zone (or is a Multi-AZ DB cluster). */
  readonly multiAz: boolean | null;
  /** DBInstanceIdentifier of every member instance. */
  readonly memberIds: readonly string[];
  readonly tags: Readonly<Record<string, string>>;
}

export interface RdsSlice {
  readonly instances: Observed<readonly RdsInstance[]>;
  readonly clusters: Observed<readonly RdsCluster[]>;
}
