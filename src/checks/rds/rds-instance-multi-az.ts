import { defineCheck, fail, pass, unknown } from '../../core/check.js';
import { databaseEvidence, forEachDatabase } from './rds-databases.js';

export const rdsInstanceMultiAz = defineCheck({
  id: 'rds_instance_multi_az',
  title: 'RDS databases are deployed across multiple Availability Zones',
  service: 'rds',
  resourceType: 'AWS::RDS::DBInstance',
  severity: 'medium',
  reads: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters'],
  remediation: {
    summary:
      'Run production databases Multi-AZ so they survive the loss of one Availability Zone: turn on Multi-AZ for DB instances, or add a reader in another AZ to Aurora clusters. Single-AZ is acceptable only where the published SLA allows it (RES-006).',
    console: 'RDS console > Databases > <instance> > Modify > Availability & durability > Create a standby instance; for Aurora: Actions > Add reader (another AZ).',
    cli: 'aws rds modify-db-instance --db-instance-identifier <id> --multi-az --apply-immediately\naws rds create-db-instance --db-cluster-identifier <cluster> --db-instance-identifier <cluster>-reader --engine <aurora-engine> --db-instance-class <class> --availability-zone <other-az>',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html',
  },
  evaluate: (snapshot) =>
    forEachDatabase(snapshot, (db) => {
      const evidence = { ...databaseEvidence(db), multiAz: db.multiAz };
      if (db.multiAz === null) return unknown(db.ref, `${db.label}: RDS did not report whether it is Multi-AZ.`, evidence);
      const via = db.inheritedFrom ? ` (cluster ${db.inheritedFrom})` : '';
      return db.multiAz
        ? pass(db.ref, `${db.label} is Multi-AZ${via}.`, evidence)
        : fail(db.ref, `${db.label} runs in a single Availability Zone${via}.`, evidence);
    }),
});
