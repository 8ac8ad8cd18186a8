import { defineCheck, fail, pass, unknown } from '../../core/check.js';
import { databaseEvidence, forEachDatabase } from './rds-databases.js';

export const rdsInstanceStorageEncrypted = defineCheck({
  id: 'rds_instance_storage_encrypted',
  title: 'RDS databases encrypt their storage at rest',
  service: 'rds',
  resourceType: 'AWS::RDS::DBInstance',
  severity: 'medium',
  reads: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters'],
  remediation: {
    summary:
      'Encryption at rest can only be chosen at creation: take a snapshot, copy it with a KMS key (encrypted copy), restore a new encrypted database from the copy and switch the application over.',
    console: 'RDS console > Snapshots > <snapshot> > Actions > Copy snapshot > Enable encryption > choose a KMS key; then Restore snapshot.',
    cli: 'aws rds copy-db-snapshot --source-db-snapshot-identifier <snap> --target-db-snapshot-identifier <snap>-enc --kms-key-id <key-arn>\naws rds restore-db-instance-from-db-snapshot --db-instance-identifier <new-id> --db-snapshot-identifier <snap>-enc',
    docs: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
  },
  evaluate: (snapshot) =>
    forEachDatabase(snapshot, (db) => {
      const evidence = { ...databaseEvidence(db), storageEncrypted: db.storageEncrypted };
      if (db.storageEncrypted === null) return unknown(db.ref, `${db.label}: RDS did not report whether storage is encrypted.`, evidence);
      return db.storageEncrypted
        ? pass(db.ref, `${db.label} encrypts its storage at rest.`, evidence)
        : fail(db.ref, `${db.label} does not encrypt its storage at rest.`, evidence);
    }),
});
