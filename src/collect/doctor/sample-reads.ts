/**
 * A sample of the scan's reads, one cheap call per service (first page, smallest page size), that the doctor
 * makes in every account it can enter: an SCP or a permissions boundary that denies a read shows up here
 * before a long scan. Every action is one the collectors declare (a test keeps it so), and none returns
 * secret material.
 */
import { AccountClient, GetAlternateContactCommand } from '@aws-sdk/client-account';
import { BackupClient, ListBackupPlansCommand } from '@aws-sdk/client-backup';
import { CloudTrailClient, DescribeTrailsCommand } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ConfigServiceClient, DescribeConfigurationRecordersCommand } from '@aws-sdk/client-config-service';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { GetAccountSummaryCommand, IAMClient } from '@aws-sdk/client-iam';
import { KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DescribeHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { DescribeParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { CollectorContext } from '../collector.js';

export interface SampleRead {
  /** The IAM action, as the collectors declare it. */
  readonly action: string;
  readonly service: string;
  readonly operation: string;
  /** global: once per account (home region); regional: in the first scanned region. */
  readonly scope: 'global' | 'regional';
  /** Answers that mean "not configured here", not a failed read. */
  readonly notFoundCodes?: readonly string[];
  readonly run: (ctx: CollectorContext) => Promise<unknown>;
}

const opts = (ctx: CollectorContext) => ({ abortSignal: ctx.signal });

/** The read made in every scanned region: a region restriction (an SCP on aws:RequestedRegion) shows up here. */
export const REGION_SWEEP_READ: SampleRead = {
  action: 'ec2:DescribeSecurityGroups',
  service: 'ec2',
  operation: 'DescribeSecurityGroups',
  scope: 'regional',
  run: (ctx) => ctx.client(EC2Client).send(new DescribeSecurityGroupsCommand({ MaxResults: 5 }), opts(ctx)),
};

export const SAMPLE_READS: readonly SampleRead[] = [
  {
    action: 'iam:GetAccountSummary',
    service: 'iam',
    operation: 'GetAccountSummary',
    scope: 'global',
    run: (ctx) => ctx.client(IAMClient).send(new GetAccountSummaryCommand({}), opts(ctx)),
  },
  {
    action: 's3:ListAllMyBuckets',
    service: 's3',
    operation: 'ListBuckets',
    scope: 'global',
    run: (ctx) => ctx.client(S3Client).send(new ListBucketsCommand({ MaxBuckets: 1 }), opts(ctx)),
  },
  {
    action: 'account:GetAlternateContact',
    service: 'account',
    operation: 'GetAlternateContact',
    scope: 'global',
    notFoundCodes: ['ResourceNotFoundException'],
    run: (ctx) => ctx.client(AccountClient).send(new GetAlternateContactCommand({ AlternateContactType: 'SECURITY' }), opts(ctx)),
  },
  REGION_SWEEP_READ,
  {
    action: 'cloudtrail:DescribeTrails',
    service: 'cloudtrail',
    operation: 'DescribeTrails',
    scope: 'regional',
    run: (ctx) => ctx.client(CloudTrailClient).send(new DescribeTrailsCommand({}), opts(ctx)),
  },
  {
    action: 'config:DescribeConfigurationRecorders',
    service: 'config',
    operation: 'DescribeConfigurationRecorders',
    scope: 'regional',
    run: (ctx) => ctx.client(ConfigServiceClient).send(new DescribeConfigurationRecordersCommand({}), opts(ctx)),
  },
  {
    action: 'guardduty:ListDetectors',
    service: 'guardduty',
    operation: 'ListDetectors',
    scope: 'regional',
    run: (ctx) => ctx.client(GuardDutyClient).send(new ListDetectorsCommand({ MaxResults: 1 }), opts(ctx)),
  },
  {
    action: 'securityhub:DescribeHub',
    service: 'securityhub',
    operation: 'DescribeHub',
    scope: 'regional',
    // Security Hub answers InvalidAccessException when it is not enabled: not a denied read.
    notFoundCodes: ['InvalidAccessException', 'ResourceNotFoundException'],
    run: (ctx) => ctx.client(SecurityHubClient).send(new DescribeHubCommand({}), opts(ctx)),
  },
  {
    action: 'kms:ListKeys',
    service: 'kms',
    operation: 'ListKeys',
    scope: 'regional',
    run: (ctx) => ctx.client(KMSClient).send(new ListKeysCommand({ Limit: 1 }), opts(ctx)),
  },
  {
    action: 'rds:DescribeDBInstances',
    service: 'rds',
    operation: 'DescribeDBInstances',
    scope: 'regional',
    run: (ctx) => ctx.client(RDSClient).send(new DescribeDBInstancesCommand({ MaxRecords: 20 }), opts(ctx)),
  },
  {
    action: 'dynamodb:ListTables',
    service: 'dynamodb',
    operation: 'ListTables',
    scope: 'regional',
    run: (ctx) => ctx.client(DynamoDBClient).send(new ListTablesCommand({ Limit: 1 }), opts(ctx)),
  },
  {
    action: 'backup:ListBackupPlans',
    service: 'backup',
    operation: 'ListBackupPlans',
    scope: 'regional',
    run: (ctx) => ctx.client(BackupClient).send(new ListBackupPlansCommand({ MaxResults: 1 }), opts(ctx)),
  },
  {
    action: 'elasticloadbalancing:DescribeLoadBalancers',
    service: 'elbv2',
    operation: 'DescribeLoadBalancers',
    scope: 'regional',
    run: (ctx) => ctx.client(ElasticLoadBalancingV2Client).send(new DescribeLoadBalancersCommand({ PageSize: 1 }), opts(ctx)),
  },
  {
    action: 'cloudwatch:DescribeAlarms',
    service: 'cloudwatch',
    operation: 'DescribeAlarms',
    scope: 'regional',
    run: (ctx) => ctx.client(CloudWatchClient).send(new DescribeAlarmsCommand({ MaxRecords: 1 }), opts(ctx)),
  },
  {
    action: 'logs:DescribeLogGroups',
    service: 'logs',
    operation: 'DescribeLogGroups',
    scope: 'regional',
    run: (ctx) => ctx.client(CloudWatchLogsClient).send(new DescribeLogGroupsCommand({ limit: 1 }), opts(ctx)),
  },
  {
    action: 'secretsmanager:ListSecrets',
    service: 'secretsmanager',
    operation: 'ListSecrets',
    scope: 'regional',
    run: (ctx) => ctx.client(SecretsManagerClient).send(new ListSecretsCommand({ MaxResults: 1 }), opts(ctx)),
  },
  {
    action: 'ssm:DescribeParameters',
    service: 'ssm',
    operation: 'DescribeParameters',
    scope: 'regional',
    run: (ctx) => ctx.client(SSMClient).send(new DescribeParametersCommand({ MaxResults: 1 }), opts(ctx)),
  },
];

