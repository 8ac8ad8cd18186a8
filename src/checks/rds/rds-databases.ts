/**
 * Shared walk over RDS databases for the instance checks. A member of a DB cluster (Aurora, Multi-AZ DB
 * cluster) takes its backup, encryption and Multi-AZ facts from the cluster: Aurora reports MultiAZ=false on
 * every instance even when the cluster spans AZs. Clusters with no instance in the listing (e.g. Aurora
 * Serverless v1), or all clusters when the instance listing failed, are evaluated on their own.
 */
import { forEachRegion, regionRef, unknown } from '../../core/check.js';
import type { CheckOutcome, ResourceRef } from '../../core/finding.js';
import type { RdsCluster, RdsInstance } from '../../core/slices/rds.js';
import type { RegionalSnapshot, Snapshot } from '../../core/snapshot.js';

/** The facts that count for one database, after cluster inheritance. */
export interface DatabaseFacts {
  readonly ref: ResourceRef;
  /** Human label: "RDS instance orders-db (eu-west-1)". */
  readonly label: string;
  readonly kind: 'instance' | 'cluster';
  readonly engine: string | null;
  /** Cluster id when the facts come from the cluster. */
  readonly inheritedFrom: string | null;
  readonly readReplicaSourceId: string | null;
  readonly backupRetentionPeriod: number | null;
  readonly storageEncrypted: boolean | null;
  readonly multiAz: boolean | null;
  /** The ARN AWS Backup protects for this database: the cluster's for a cluster member, else its own. */
  readonly backupArn: string | null;
}

function instanceRef(accountId: string, region: string, db: RdsInstance): ResourceRef {
  return { accountId, region, resourceType: 'AWS::RDS::DBInstance', resourceId: db.id, resourceArn: db.arn };
}

function clusterRef(accountId: string, region: string, c: RdsCluster): ResourceRef {
  return { accountId, region, resourceType: 'AWS::RDS::DBCluster', resourceId: c.id, resourceArn: c.arn };
}

/** Runs `rule` for every RDS database with its effective facts; unreadable facts become UNKNOWN. */
export function forEachDatabase(snapshot: Snapshot, rule: (db: DatabaseFacts, regional: RegionalSnapshot) => CheckOutcome): CheckOutcome[] {
  return forEachRegion(snapshot, 'rds', (rds, account, regional) => {
    const { region } = regional;
    const clusterArn = (c: RdsCluster) => c.arn ?? `arn:${snapshot.partition}:rds:${region}:${account.accountId}:cluster:${c.id}`;
    const out: CheckOutcome[] = [];
    const accountId = account.accountId;
    if (!rds.instances.ok) {
      out.push(unknown(regionRef(accountId, region), rds.instances.error));
    } else {
      for (const db of rds.instances.value) {
        const ref = instanceRef(accountId, region, db);
        const label = `RDS instance ${db.id} (${accountId}/${region})`;
        const base = { ref, label, kind: 'instance' as const, engine: db.engine, readReplicaSourceId: db.readReplicaSourceId };
        if (db.clusterId === null) {
          out.push(
            rule(
              { ...base, inheritedFrom: null, backupRetentionPeriod: db.backupRetentionPeriod, storageEncrypted: db.storageEncrypted, multiAz: db.multiAz, backupArn: db.arn },
              regional,
            ),
          );
          continue;
        }
        if (!rds.clusters.ok) {
          out.push(unknown(ref, rds.clusters.error, { clusterId: db.clusterId }));
          continue;
        }
        const cluster = rds.clusters.value.find((c) => c.id === db.clusterId);
        out.push(
          rule(
            {
              ...base,
              inheritedFrom: cluster ? cluster.id : null,
              backupRetentionPeriod: cluster?.backupRetentionPeriod ?? db.backupRetentionPeriod,
              storageEncrypted: cluster?.storageEncrypted ?? db.storageEncrypted,
              multiAz: cluster?.multiAz ?? db.multiAz,
              backupArn: cluster ? clusterArn(cluster) : db.arn,
            },
            regional,
          ),
        );
      }
    }
    if (!rds.clusters.ok) {
      // Clusters without listed instances cannot be seen; say so once for the region.
      if (rds.instances.ok) out.push(unknown(regionRef(accountId, region), rds.clusters.error));
      return out;
    }
    const listed = new Set(rds.instances.ok ? rds.instances.value.map((i) => i.clusterId) : []);
    for (const c of rds.clusters.value) {
      if (rds.instances.ok && listed.has(c.id)) continue;
      out.push(
        rule(
          {
            ref: clusterRef(accountId, region, c),
            label: `RDS cluster ${c.id} (${accountId}/${region})`,
            kind: 'cluster',
            engine: c.engine,
            inheritedFrom: null,
            readReplicaSourceId: null,
            backupRetentionPeriod: c.backupRetentionPeriod,
            storageEncrypted: c.storageEncrypted,
            multiAz: c.multiAz,
            backupArn: clusterArn(c),
          },
          regional,
        ),
      );
    }
    return out;
  });
}

/** Evidence common to the RDS checks. */
export function databaseEvidence(db: DatabaseFacts): Record<string, unknown> {
  return { kind: db.kind, engine: db.engine, ...(db.inheritedFrom ? { factsFromCluster: db.inheritedFrom } : {}) };
}
