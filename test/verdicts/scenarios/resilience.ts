/** FTR BAR-001/002, RES-001..007 (+ legacy RES-003) and the competency's reliability items 2.1-2.13. */
import { observed } from '../../../src/core/observed.js';
import type { BackupSlice } from '../../../src/core/slices/backup.js';
import type { RdsInstance } from '../../../src/core/slices/rds.js';
import { deniedRead, deny, regional } from '../mutations.js';
import { COMP, FTR, type Scenario } from '../scenario.js';
import { bucket } from '../fixtures.js';
import { WORKLOAD } from '../well-run-account.js';
import { standard } from './standard.js';

const backup = (fn: (b: BackupSlice) => BackupSlice) => regional('backup', fn, [WORKLOAD]);
const noBackupPlans = backup((b) => ({ ...b, plans: observed([]), protectedResources: observed([]), copyJobs: observed([]) }));
const rds = (fn: (i: RdsInstance) => RdsInstance) => regional('rds', (r) => ({ ...r, instances: observed((r.instances.ok ? r.instances.value : []).map(fn)) }), [WORKLOAD]);
const noRdsBackups = rds((i) => ({ ...i, backupRetentionPeriod: 0 }));
const singleAzDevDatabase = regional('rds', (r) => ({ ...r, instances: observed([...(r.instances.ok ? r.instances.value : []), { id: 'dev-db', arn: 'arn:aws:rds:eu-west-1:111111111111:db:dev-db', engine: 'postgres', status: 'available', clusterId: null, readReplicaSourceId: null, backupRetentionPeriod: 1, storageEncrypted: true, multiAz: false, publiclyAccessible: false, tags: { env: 'dev' } }]) }), [WORKLOAD]);
const singleAzGroup = regional('autoscaling', (a) => ({ ...a, groups: observed((a.groups.ok ? a.groups.value : []).map((g) => ({ ...g, availabilityZones: [`${WORKLOAD}a`], vpcSubnetIds: ['subnet-app-a'] }))) }), [WORKLOAD]);
/** Issue 7 §1: a log bucket without versioning is not a data store BAR-001 asks to back up. */
const unversionedDataBucket = bucket('acme-tenant-data', { versioning: observed({ status: 'Suspended', mfaDelete: null }) });
const pitrOffButBackedUp = regional('dynamodb', (d) => ({ ...d, tables: observed((d.tables.ok ? d.tables.value : []).map((t) => ({ ...t, continuousBackups: observed({ continuousBackupsStatus: 'ENABLED', pitrStatus: 'DISABLED', recoveryPeriodInDays: null }) }))) }), [WORKLOAD]);
const pitrOffNotBackedUp = [pitrOffButBackedUp, backup((b) => ({ ...b, protectedResources: observed((b.protectedResources.ok ? b.protectedResources.value : []).filter((r) => r.type !== 'DynamoDB')) }))];
const noRestoreJobs = backup((b) => ({ ...b, restoreJobs: observed([]), restoreTestingPlans: observed([]) }));
const backupDenied = deny.regional('backup', 'ListBackupPlans');
const noCrossAccountCopy = backup((b) => ({
  ...b,
  plans: observed((b.plans.ok ? b.plans.value : []).map((p) => ({ ...p, rules: observed((p.rules.ok && p.rules.value ? p.rules.value : []).map((r) => ({ ...r, copyActions: [] }))) }))),
  copyJobs: observed([]),
}));

export const scenarios: Scenario[] = [
  ...standard(FTR, 'BAR-001'),
  { framework: FTR, item: 'BAR-001', kind: 'alternative', name: 'no AWS Backup plan: RDS automated backups, DynamoDB PITR and S3 versioning (attested)', mutations: [noBackupPlans] },
  { framework: FTR, item: 'BAR-001', kind: 'alternative', name: 'RDS automated backups off: nightly pg_dump to S3 in another account (attested)', mutations: [noRdsBackups, noBackupPlans] },
  { framework: FTR, item: 'BAR-001', kind: 'met', name: 'issue 7 §1: DynamoDB PITR off but AWS Backup protects the table', mutations: [pitrOffButBackedUp] },
  { framework: FTR, item: 'BAR-001', kind: 'needs-evidence', attest: null, name: 'DynamoDB PITR off and no AWS Backup recovery point', mutations: pitrOffNotBackedUp, reason: 'dynamodb_table_pitr_enabled fails' },
  { framework: FTR, item: 'BAR-001', kind: 'alternative', name: 'a data bucket without versioning, replicated by a third-party backup (attested)', mutations: [unversionedDataBucket] },
  { framework: FTR, item: 'BAR-001', kind: 'unseen', name: 'AWS Backup and RDS unreadable', mutations: [backupDenied, deny.regional('rds', 'DescribeDBInstances')], attest: null },

  ...standard(FTR, 'BAR-002'),
  { framework: FTR, item: 'BAR-002', kind: 'needs-evidence', attest: null, name: 'no AWS Backup restore job: restores tested outside AWS Backup are MANUAL, not FAIL', mutations: [noRestoreJobs], reason: 'backup_restore_tested_within_12_months needs a person' },
  { framework: FTR, item: 'BAR-002', kind: 'met', name: 'no AWS Backup restore job; a quarterly DR drill record (attested)', mutations: [noRestoreJobs] },
  { framework: FTR, item: 'BAR-002', kind: 'unseen', name: 'ListRestoreJobs denied', mutations: [backup((b) => ({ ...b, restoreJobs: deniedRead('backup', 'ListRestoreJobs', WORKLOAD) })), regional('backup', (b) => ({ ...b, restoreJobs: deniedRead('backup', 'ListRestoreJobs') }), ['us-east-1'])], attest: null },

  ...standard(FTR, 'RES-001'),
  ...standard(FTR, 'RES-002'),
  ...standard(FTR, 'RES-003'),
  ...standard(FTR, 'RES-004'),
  ...standard(FTR, 'RES-005'),

  ...standard(FTR, 'RES-006'),
  { framework: FTR, item: 'RES-006', kind: 'alternative', name: 'issue 7 §1: a single-AZ dev database next to the Multi-AZ production one; no SLA covers dev (attested)', mutations: [singleAzDevDatabase] },
  { framework: FTR, item: 'RES-006', kind: 'alternative', name: 'an Auto Scaling group in one AZ; no SLA published (attested)', mutations: [singleAzGroup] },
  { framework: FTR, item: 'RES-006', kind: 'unseen', name: 'RDS and Auto Scaling unreadable', mutations: [deny.regional('rds', 'DescribeDBInstances'), deny.regional('autoscaling', 'DescribeAutoScalingGroups')], attest: null },

  ...standard(FTR, 'RES-007'),

  ...standard(COMP, '2.1'),
  ...standard(COMP, '2.2'),
  { framework: COMP, item: '2.2', kind: 'unseen', name: 'DescribeAutoScalingGroups denied', mutations: [deny.regional('autoscaling', 'DescribeAutoScalingGroups')], attest: null },
  ...standard(COMP, '2.3'),
  { framework: COMP, item: '2.3', kind: 'alternative', name: 'log groups not forwarded: a Datadog agent ships the logs (attested)', mutations: [regional('logs', (l) => ({ ...l, accountSubscriptionPolicies: observed([]), logGroups: observed((l.logGroups.ok ? l.logGroups.value : []).map((g) => ({ ...g, subscriptionFilters: observed([]) }))) }), [WORKLOAD])] },
  { framework: COMP, item: '2.3', kind: 'unseen', name: 'DescribeLogGroups denied', mutations: [deny.regional('logs', 'DescribeLogGroups')], attest: null },
  ...standard(COMP, '2.4'),
  { framework: COMP, item: '2.4', kind: 'alternative', name: 'no CloudWatch alarm: Datadog monitors page the on-call (attested)', mutations: [regional('cloudwatch', () => ({ alarms: observed([]) }))] },
  { framework: COMP, item: '2.4', kind: 'unseen', name: 'DescribeAlarms denied', mutations: [deny.regional('cloudwatch', 'DescribeAlarms')], attest: null },
  ...standard(COMP, '2.5'),
  { framework: COMP, item: '2.5', kind: 'alternative', name: 'a drifted stack, reconciled by the next Terraform apply (attested)', mutations: [regional('cloudformation', (c) => ({ ...c, stacks: observed((c.stacks.ok ? c.stacks.value : []).map((s) => ({ ...s, driftStatus: 'DRIFTED' }))) }), [WORKLOAD])] },
  { framework: COMP, item: '2.5', kind: 'unseen', name: 'ListStacks denied', mutations: [deny.regional('cloudformation', 'ListStacks')], attest: null },
  ...standard(COMP, '2.6'),
  { framework: COMP, item: '2.6', kind: 'alternative', name: 'no AWS Backup plan: native backups only (attested)', mutations: [noBackupPlans] },
  { framework: COMP, item: '2.6', kind: 'unseen', name: 'AWS Backup and RDS unreadable', mutations: [backupDenied, deny.regional('rds', 'DescribeDBInstances')], attest: null },
  ...standard(COMP, '2.7'),
  { framework: COMP, item: '2.7', kind: 'needs-evidence', attest: null, name: 'no AWS Backup restore job (MANUAL, not FAIL)', mutations: [noRestoreJobs] },
  { framework: COMP, item: '2.7', kind: 'unseen', name: 'ListRestoreJobs denied', mutations: [regional('backup', (b) => ({ ...b, restoreJobs: deniedRead('backup', 'ListRestoreJobs') }))], attest: null },
  ...standard(COMP, '2.8'),
  { framework: COMP, item: '2.8', kind: 'alternative', name: 'a single-AZ dev database; production survives an AZ loss (attested)', mutations: [singleAzDevDatabase] },
  { framework: COMP, item: '2.8', kind: 'unseen', name: 'RDS and Auto Scaling unreadable', mutations: [deny.regional('rds', 'DescribeDBInstances'), deny.regional('autoscaling', 'DescribeAutoScalingGroups')], attest: null },
  ...standard(COMP, '2.9'),
  ...standard(COMP, '2.10'),
  ...standard(COMP, '2.11'),
  ...standard(COMP, '2.12'),
  ...standard(COMP, '2.13'),
  { framework: COMP, item: '2.13', kind: 'alternative', name: 'no cross-account backup copy: DR restores from S3 replication into the DR account (attested)', mutations: [noCrossAccountCopy] },
  { framework: COMP, item: '2.13', kind: 'unseen', name: 'AWS Backup unreadable', mutations: [backupDenied], attest: null },
];
