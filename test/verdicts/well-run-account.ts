/**
 * The verdict corpus's base: one well-run partner account, as the collectors store what AWS answers
 * (the slices are the collectors' normalised form of the AWS API reference responses; the collector tests
 * check that mapping against aws-sdk-client-mock answers). Every read succeeded; every control the checklists
 * ask for is in place. Scenarios start from it and change one thing (`mutations.ts`).
 *
 * The account: a multi-tenant SaaS in eu-west-1 (us-east-1 is the home region and holds the organization
 * trail), member of an AWS Organization, people sign in through IAM Identity Center (SAML), workloads run
 * on EC2 behind an HTTPS ALB in private subnets, data in encrypted RDS (Multi-AZ, backed up), DynamoDB (PITR)
 * and S3 (versioned, TLS-only, private), protected by AWS Backup with a cross-account copy and a restore test.
 * Dates are relative to the snapshot time 2026-11-01T10:00Z.
 */
import type { Observed } from '../../src/core/observed.js';
import type { Ec2Slice } from '../../src/core/slices/ec2.js';
import type { IamSlice } from '../../src/core/slices/iam.js';
import type { GlobalSlices, RegionalSlices } from '../../src/core/slices/index.js';
import type { Snapshot } from '../../src/core/snapshot.js';
import { aContact, aRoot, aSummary, anIamRole, anIamSlice, anOrganization, daysAgo } from '../helpers/identity-fixtures.js';
import { aRule, aSecurityGroup, aSubnet, anInstance } from '../helpers/network-fixtures.js';
import { ACCOUNT_A, aRegion, aSnapshot, anAccount, observed } from '../helpers/snapshot-builder.js';
import { aBucket, aTrail } from '../helpers/storage-fixtures.js';
import { aWorkload } from '../helpers/wellarchitected-fixtures.js';

export const HOME = 'us-east-1';
export const WORKLOAD = 'eu-west-1';
export const REGIONS = [HOME, WORKLOAD] as const;
export const ORG_MANAGEMENT = '999999999999';
export const LOG_ARCHIVE = '888888888888';
export const THIRD_PARTY = '444455556666';

const arn = (service: string, region: string, resource: string): string => `arn:aws:${service}:${region}:${ACCOUNT_A}:${resource}`;

/** The human roles people reach through IAM Identity Center, and the workload's instance role. */
function iamSlice(): Observed<IamSlice> {
  const sso = (name: string) =>
    anIamRole(`AWSReservedSSO_${name}_0123456789abcdef`, {
      path: '/aws-reserved/sso.amazonaws.com/',
      trustPolicy: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: `arn:aws:iam::${ACCOUNT_A}:saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE` },
            Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
            Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
          },
        ],
      },
      attachedPolicies: [{ name: name === 'Admin' ? 'AdministratorAccess' : 'ReadOnlyAccess', arn: `arn:aws:iam::aws:policy/${name === 'Admin' ? 'AdministratorAccess' : 'ReadOnlyAccess'}` }],
      lastUsed: daysAgo(1),
    });
  const appRole = anIamRole('app-instance', {
    attachedPolicies: [{ name: 'app-data-access', arn: `arn:aws:iam::${ACCOUNT_A}:policy/app-data-access` }],
    lastUsed: daysAgo(0),
  });
  // A monitoring vendor's role: a third-party account with the exact ExternalId it was given.
  const vendorRole = anIamRole('vendor-monitoring', {
    trustPolicy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${THIRD_PARTY}:root` },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'f3c1a0d2-6b7e-4c55-9a1e-2d9b7c8e4f10' } },
        },
      ],
    },
    attachedPolicies: [{ name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
    lastUsed: daysAgo(2),
  });
  return observed(
    anIamSlice({
      credentialReport: observed({ generatedAt: daysAgo(0), root: aRoot({ passwordLastUsed: daysAgo(200) }), users: [] }),
      accountSummary: observed(aSummary({ users: 0, roles: 4 })),
      passwordPolicy: observed({
        minimumPasswordLength: 14,
        requireSymbols: true,
        requireNumbers: true,
        requireUppercaseCharacters: true,
        requireLowercaseCharacters: true,
        allowUsersToChangePassword: true,
        expirePasswords: true,
        maxPasswordAge: 90,
        passwordReusePrevention: 24,
        hardExpiry: false,
      }),
      authorizationDetails: observed({
        users: [],
        groups: [],
        roles: [sso('Admin'), sso('ReadOnly'), appRole, vendorRole],
        policies: [
          {
            name: 'app-data-access',
            arn: `arn:aws:iam::${ACCOUNT_A}:policy/app-data-access`,
            attachmentCount: 1,
            document: {
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'], Resource: arn('dynamodb', WORKLOAD, 'table/tenants') },
                { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::acme-tenant-data/*' },
                { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: arn('secretsmanager', WORKLOAD, 'secret:prod/db-AbCdEf') },
              ],
            },
          },
        ],
      }),
      samlProviders: observed([`arn:aws:iam::${ACCOUNT_A}:saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE`]),
    }),
  );
}

function globalSlices(): GlobalSlices {
  return {
    iam: iamSlice(),
    account: observed({
      alternateContacts: {
        BILLING: observed(aContact('billing@acme.example')),
        OPERATIONS: observed(aContact('ops@acme.example')),
        SECURITY: observed(aContact('security@acme.example')),
      },
      contactInformation: observed({ fullName: 'Acme Cloud Ltd', companyName: 'Acme Cloud Ltd', phoneNumber: '+1 555 0100', websiteUrl: 'https://acme.example', countryCode: 'US' }),
    }),
    organizations: observed({ accessAnalyzerDelegatedAdministrators: observed(null) }),
    support: observed({ plan: observed({ tier: 'business-or-higher', severityLevels: ['low', 'normal', 'high', 'urgent'], region: HOME }) }),
    s3: observed({
      accountPublicAccessBlock: observed({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }),
      buckets: observed([aBucket('acme-tenant-data', { region: observed(WORKLOAD) }), aBucket('acme-app-artifacts', { region: observed(WORKLOAD) })]),
    }),
    cloudfront: observed({
      distributions: observed([
        {
          id: 'E2QWRUHAPOMQZL',
          arn: `arn:aws:cloudfront::${ACCOUNT_A}:distribution/E2QWRUHAPOMQZL`,
          domainName: 'd111111abcdef8.cloudfront.net',
          aliases: ['app.acme.example'],
          enabled: true,
          behaviors: [{ pathPattern: 'Default (*)', viewerProtocolPolicy: 'redirect-to-https' }],
          cloudFrontDefaultCertificate: false,
          minimumProtocolVersion: 'TLSv1.2_2021',
          origins: [{ id: 'alb', domainName: 'app-alb-123.eu-west-1.elb.amazonaws.com', originProtocolPolicy: 'https-only' }],
        },
      ]),
    }),
  };
}

function ec2Slice(region: string): Ec2Slice {
  const workload = region === WORKLOAD;
  const vpc = `vpc-${region === WORKLOAD ? '0a1b2c3d' : '0e1f2a3b'}`;
  const defaultSg = aSecurityGroup({ groupId: `sg-default-${region}`, groupName: 'default', vpcId: vpc, isDefault: true, ingress: [], egress: [] });
  const albSg = aSecurityGroup({
    groupId: 'sg-alb',
    groupName: 'alb',
    vpcId: vpc,
    ingress: [aRule({ fromPort: 443, toPort: 443, ipv4Ranges: ['0.0.0.0/0'], ipv6Ranges: ['::/0'] })],
    egress: [aRule({ protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: ['0.0.0.0/0'] })],
  });
  const appSg = aSecurityGroup({
    groupId: 'sg-app',
    groupName: 'app',
    vpcId: vpc,
    ingress: [aRule({ fromPort: 8443, toPort: 8443, referencedGroupIds: ['sg-alb'] })],
    egress: [aRule({ protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: ['0.0.0.0/0'] })],
  });
  const nacl = {
    networkAclId: `acl-${region}`,
    vpcId: vpc,
    isDefault: true,
    subnetIds: workload ? ['subnet-app-a', 'subnet-app-b', 'subnet-pub-a'] : [],
    entries: [
      { ruleNumber: 100, egress: false, protocol: '6', action: 'allow' as const, cidrBlock: '0.0.0.0/0', ipv6CidrBlock: null, portRange: { from: 443, to: 443 } },
      { ruleNumber: 110, egress: false, protocol: '6', action: 'allow' as const, cidrBlock: '0.0.0.0/0', ipv6CidrBlock: null, portRange: { from: 32768, to: 65535 } },
      { ruleNumber: 120, egress: false, protocol: '-1', action: 'allow' as const, cidrBlock: '10.0.0.0/16', ipv6CidrBlock: null, portRange: null },
      { ruleNumber: 32767, egress: false, protocol: '-1', action: 'deny' as const, cidrBlock: '0.0.0.0/0', ipv6CidrBlock: null, portRange: null },
    ],
  };
  const instance = (id: string, subnetId: string, az: string) =>
    anInstance({ instanceId: id, name: 'app', subnetId, vpcId: vpc, securityGroupIds: ['sg-app'], tags: { Name: 'app', 'aws:autoscaling:groupName': 'app-asg' }, privateIpAddress: `10.0.${az === 'a' ? 1 : 2}.10` });
  return {
    securityGroups: observed(workload ? [defaultSg, albSg, appSg] : [defaultSg]),
    attachedSecurityGroupIds: observed(workload ? ['sg-alb', 'sg-app'] : []),
    networkAcls: observed([nacl]),
    ebsEncryptionByDefault: observed(true),
    volumes: observed(
      workload
        ? [
            { volumeId: 'vol-0a1', name: 'app-a', encrypted: true, kmsKeyId: arn('kms', WORKLOAD, 'key/ebs'), state: 'in-use', sizeGiB: 30, attachedInstanceIds: ['i-0a1'] },
            { volumeId: 'vol-0b1', name: 'app-b', encrypted: true, kmsKeyId: arn('kms', WORKLOAD, 'key/ebs'), state: 'in-use', sizeGiB: 30, attachedInstanceIds: ['i-0b1'] },
          ]
        : [],
    ),
    instances: observed(workload ? [instance('i-0a1', 'subnet-app-a', 'a'), instance('i-0b1', 'subnet-app-b', 'b')] : []),
    launchTemplateVersions: observed(
      workload ? [{ launchTemplateId: 'lt-0abc', launchTemplateName: 'app', versionNumber: 3, isDefault: true, userData: { bytes: 412, gzip: false, secretFindings: [] } }] : [],
    ),
    subnets: observed(
      workload
        ? [
            aSubnet({ subnetId: 'subnet-app-a', vpcId: vpc, name: 'app-a', cidrBlock: '10.0.1.0/24', availabilityZone: `${WORKLOAD}a` }),
            aSubnet({ subnetId: 'subnet-app-b', vpcId: vpc, name: 'app-b', cidrBlock: '10.0.2.0/24', availabilityZone: `${WORKLOAD}b` }),
            aSubnet({ subnetId: 'subnet-pub-a', vpcId: vpc, name: 'public-a', cidrBlock: '10.0.100.0/24', availabilityZone: `${WORKLOAD}a` }),
          ]
        : [],
    ),
    routeTables: observed(
      workload
        ? [
            { routeTableId: 'rtb-private', vpcId: vpc, isMain: true, subnetIds: ['subnet-app-a', 'subnet-app-b'], internetGatewayRoutes: [] },
            { routeTableId: 'rtb-public', vpcId: vpc, isMain: false, subnetIds: ['subnet-pub-a'], internetGatewayRoutes: ['0.0.0.0/0'] },
          ]
        : [],
    ),
    prefixLists: observed([]),
    ownedSnapshots: observed({ total: workload ? 4 : 0, unencrypted: 0 }),
  };
}

/** The services a well-run account turns on in every region, and the workload in eu-west-1. */
function regionalSlices(region: string): RegionalSlices {
  const workload = region === WORKLOAD;
  const none = observed([]);
  return {
    ec2: observed(ec2Slice(region)),
    elbv2: observed({
      loadBalancers: observed(
        workload
          ? [
              {
                arn: arn('elasticloadbalancing', WORKLOAD, 'loadbalancer/app/app-alb/50dc6c495c0c9188'),
                name: 'app-alb',
                type: 'application',
                scheme: 'internet-facing',
                vpcId: 'vpc-0a1b2c3d',
                availabilityZones: [`${WORKLOAD}a`, `${WORKLOAD}b`],
                dnsName: 'app-alb-123.eu-west-1.elb.amazonaws.com',
                listeners: observed([
                  {
                    listenerArn: arn('elasticloadbalancing', WORKLOAD, 'listener/app/app-alb/50dc6c495c0c9188/f2f7dc8efc522ab2'),
                    port: 443,
                    protocol: 'HTTPS',
                    sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
                    defaultActions: [{ type: 'forward', redirectProtocol: null, redirectPort: null }],
                    rules: observed([]),
                  },
                  {
                    listenerArn: arn('elasticloadbalancing', WORKLOAD, 'listener/app/app-alb/50dc6c495c0c9188/0467ef3c8400ae65'),
                    port: 80,
                    protocol: 'HTTP',
                    sslPolicy: null,
                    defaultActions: [{ type: 'redirect', redirectProtocol: 'HTTPS', redirectPort: '443' }],
                    rules: observed([]),
                  },
                ]),
              },
            ]
          : [],
      ),
    }),
    cloudtrail: observed({
      trails: observed(
        region === HOME
          ? [aTrail('org-trail', { isOrganizationTrail: true, ownerAccountId: ORG_MANAGEMENT, arn: `arn:aws:cloudtrail:${HOME}:${ORG_MANAGEMENT}:trail/org-trail` })]
          : [{ ...aTrail('org-trail', { isOrganizationTrail: true, ownerAccountId: ORG_MANAGEMENT, arn: `arn:aws:cloudtrail:${HOME}:${ORG_MANAGEMENT}:trail/org-trail` }), details: null }],
      ),
    }),
    kms: observed({
      keys: observed(
        workload
          ? [
              {
                keyId: 'ebs',
                arn: arn('kms', WORKLOAD, 'key/ebs'),
                aliases: ['alias/app-data'],
                awsManaged: false,
                metadata: observed({ keyManager: 'CUSTOMER', keySpec: 'SYMMETRIC_DEFAULT', keyState: 'Enabled', origin: 'AWS_KMS', description: 'app data' }),
                rotationEnabled: observed(true),
              },
            ]
          : [],
      ),
      aliases: observed(workload ? [{ aliasName: 'alias/app-data', targetKeyId: 'ebs' }] : []),
    }),
    rds: observed({
      instances: observed(
        workload
          ? [
              {
                id: 'app-db',
                arn: arn('rds', WORKLOAD, 'db:app-db'),
                engine: 'postgres',
                status: 'available',
                clusterId: null,
                readReplicaSourceId: null,
                backupRetentionPeriod: 14,
                storageEncrypted: true,
                multiAz: true,
                publiclyAccessible: false,
                tags: { env: 'prod' },
              },
            ]
          : [],
      ),
      clusters: none,
    }),
    dynamodb: observed({
      tables: observed(
        workload
          ? [
              {
                name: 'tenants',
                details: observed({ arn: arn('dynamodb', WORKLOAD, 'table/tenants'), status: 'ACTIVE', billingMode: 'PAY_PER_REQUEST', sse: { status: 'ENABLED', sseType: 'KMS', kmsKeyArn: arn('kms', WORKLOAD, 'key/ebs') } }),
                continuousBackups: observed({ continuousBackupsStatus: 'ENABLED', pitrStatus: 'ENABLED', recoveryPeriodInDays: 35 }),
              },
            ]
          : [],
      ),
    }),
    backup: observed({
      plans: observed(
        workload
          ? [
              {
                id: 'plan-daily',
                arn: arn('backup', WORKLOAD, 'backup-plan:plan-daily'),
                name: 'daily',
                versionId: 'v1',
                lastExecutionDate: daysAgo(1),
                rules: observed([
                  {
                    name: 'daily',
                    targetVaultName: 'prod',
                    schedule: 'cron(0 5 ? * * *)',
                    enableContinuousBackup: false,
                    lifecycle: { deleteAfterDays: 35, moveToColdStorageAfterDays: null },
                    copyActions: [{ destinationVaultArn: `arn:aws:backup:${WORKLOAD}:${LOG_ARCHIVE}:backup-vault:vault-copy`, deleteAfterDays: 35 }],
                  },
                ]),
                selections: observed([{ id: 'sel-1', name: 'prod', iamRoleArn: `arn:aws:iam::${ACCOUNT_A}:role/service-role/AWSBackupDefaultServiceRole` }]),
              },
            ]
          : [],
      ),
      vaults: observed(workload ? [{ name: 'prod', arn: arn('backup', WORKLOAD, 'backup-vault:prod'), encryptionKeyArn: arn('kms', WORKLOAD, 'key/ebs'), locked: false, minRetentionDays: null, numberOfRecoveryPoints: 70 }] : []),
      protectedResources: observed(
        workload
          ? [
              { arn: arn('rds', WORKLOAD, 'db:app-db'), type: 'RDS', lastBackupTime: daysAgo(1) },
              { arn: arn('dynamodb', WORKLOAD, 'table/tenants'), type: 'DynamoDB', lastBackupTime: daysAgo(1) },
              { arn: 'arn:aws:s3:::acme-tenant-data', type: 'S3', lastBackupTime: daysAgo(1) },
            ]
          : [],
      ),
      jobsSince: daysAgo(365),
      restoreJobs: observed(
        workload
          ? [{ id: 'restore-1', status: 'COMPLETED', resourceType: 'RDS', creationDate: daysAgo(60), completionDate: daysAgo(60), restoreTestingPlanArn: arn('backup', WORKLOAD, 'restore-testing-plan:quarterly') }]
          : [],
      ),
      copyJobs: observed(
        workload
          ? [
              {
                id: 'copy-1',
                state: 'COMPLETED',
                sourceVaultArn: arn('backup', WORKLOAD, 'backup-vault:prod'),
                destinationVaultArn: `arn:aws:backup:${WORKLOAD}:${LOG_ARCHIVE}:backup-vault:vault-copy`,
                resourceType: 'RDS',
                creationDate: daysAgo(1),
                completionDate: daysAgo(1),
              },
            ]
          : [],
      ),
      restoreTestingPlans: observed(workload ? [{ name: 'quarterly', arn: arn('backup', WORKLOAD, 'restore-testing-plan:quarterly'), schedule: 'cron(0 1 1 */3 ? *)', lastExecutionTime: daysAgo(60) }] : []),
    }),
    config: observed({
      recorders: observed([
        { name: 'default', roleArn: `arn:aws:iam::${ACCOUNT_A}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`, allSupported: true, includeGlobalResourceTypes: region === HOME, resourceTypes: [], excludedResourceTypes: [], recordingStrategy: 'ALL_SUPPORTED_RESOURCE_TYPES' },
      ]),
      recorderStatuses: observed([{ name: 'default', recording: true, lastStatus: 'SUCCESS', lastStatusChangeTime: daysAgo(0), lastErrorCode: null }]),
      deliveryChannels: observed([{ name: 'default', s3BucketName: 'org-config-logs', snsTopicArn: null }]),
      rules: observed([
        { name: 's3-bucket-public-read-prohibited', arn: arn('config', region, 'config-rule/config-rule-s3pr'), state: 'ACTIVE', sourceOwner: 'AWS', sourceIdentifier: 'S3_BUCKET_PUBLIC_READ_PROHIBITED' },
        { name: 's3-bucket-public-write-prohibited', arn: arn('config', region, 'config-rule/config-rule-s3pw'), state: 'ACTIVE', sourceOwner: 'AWS', sourceIdentifier: 'S3_BUCKET_PUBLIC_WRITE_PROHIBITED' },
      ]),
    }),
    guardduty: observed({
      detectors: observed([
        {
          id: `gd-${region}`,
          details: observed({
            status: 'ENABLED',
            findingPublishingFrequency: 'FIFTEEN_MINUTES',
            features: [
              { name: 'CLOUD_TRAIL', status: 'ENABLED', additionalConfiguration: [] },
              { name: 'RUNTIME_MONITORING', status: 'ENABLED', additionalConfiguration: [{ name: 'EC2_AGENT_MANAGEMENT', status: 'ENABLED' }] },
            ],
          }),
        },
      ]),
    }),
    securityhub: observed({
      hub: observed({ hubArn: arn('securityhub', region, 'hub/default'), subscribedAt: daysAgo(300), autoEnableControls: true }),
      enabledStandards: observed([{ standardsArn: `arn:aws:securityhub:${region}::standards/aws-foundational-security-best-practices/v/1.0.0`, status: 'READY' }]),
    }),
    inspector2: observed({ account: observed({ status: 'ENABLED', ec2: 'ENABLED', ecr: 'ENABLED', lambda: 'ENABLED', lambdaCode: 'ENABLED' }) }),
    macie: observed({
      session: observed({ status: 'ENABLED', createdAt: daysAgo(300), updatedAt: daysAgo(10) }),
      classificationJobs: observed([]),
      automatedDiscoveryStatus: observed('ENABLED'),
    }),
    accessanalyzer: observed({
      analyzers: observed([
        { name: 'org-analyzer', arn: arn('access-analyzer', region, 'analyzer/account-analyzer'), type: 'ACCOUNT', status: 'ACTIVE', statusReason: null, createdAt: daysAgo(300), lastResourceAnalyzedAt: daysAgo(0) },
      ]),
    }),
    wellarchitected: observed({ workloads: observed(workload ? [aWorkload({ arn: arn('wellarchitected', WORKLOAD, 'workload/w1'), owner: ACCOUNT_A })] : []) }),
    secrets: observed({
      secrets: observed(
        workload
          ? [{ name: 'prod/db', arn: arn('secretsmanager', WORKLOAD, 'secret:prod/db-AbCdEf'), kmsKeyId: arn('kms', WORKLOAD, 'key/ebs'), rotationEnabled: true, lastAccessedDate: daysAgo(0), lastRotatedDate: daysAgo(20) }]
          : [],
      ),
      parameters: observed(workload ? [{ name: '/app/db/password', type: 'SecureString', keyId: 'alias/aws/ssm', lastModifiedDate: daysAgo(20) }] : []),
    }),
    lambda: observed({
      functions: observed(
        workload
          ? [
              {
                name: 'tenant-provisioner',
                arn: arn('lambda', WORKLOAD, 'function:tenant-provisioner'),
                runtime: 'nodejs20.x',
                role: `arn:aws:iam::${ACCOUNT_A}:role/tenant-provisioner`,
                packageType: 'Zip',
                environment: observed({ variableNames: ['TABLE_NAME', 'SECRET_ARN'], secretFindings: [] }),
              },
            ]
          : [],
      ),
    }),
    logs: observed({
      logGroups: observed(
        workload ? [{ name: '/app/api', arn: arn('logs', WORKLOAD, 'log-group:/app/api'), retentionInDays: 365, storedBytes: 1_048_576, kmsKeyId: null, createdAt: daysAgo(300), subscriptionFilters: null }] : [],
      ),
      accountSubscriptionPolicies: observed([
        { policyName: 'central', scope: 'ALL', selectionCriteria: null, destinationArn: `arn:aws:logs:${region}:${LOG_ARCHIVE}:destination:central` },
      ]),
    }),
    cloudwatch: observed({
      alarms: observed(
        workload
          ? [
              {
                name: 'api-5xx',
                arn: arn('cloudwatch', WORKLOAD, 'alarm:api-5xx'),
                kind: 'metric',
                actionsEnabled: true,
                alarmActions: [arn('sns', WORKLOAD, 'ops-pager')],
                state: 'OK',
                namespace: 'AWS/ApplicationELB',
                metricName: 'HTTPCode_Target_5XX_Count',
              },
            ]
          : [],
      ),
    }),
    cloudformation: observed({
      stacks: observed(
        workload
          ? [
              {
                stackName: 'app',
                stackId: arn('cloudformation', WORKLOAD, 'stack/app/1a2b3c4d'),
                status: 'UPDATE_COMPLETE',
                createdAt: daysAgo(300),
                lastUpdatedAt: daysAgo(3),
                parentId: null,
                driftStatus: 'IN_SYNC',
                lastDriftCheckAt: daysAgo(3),
                tags: {},
              },
            ]
          : [],
      ),
    }),
    autoscaling: observed({
      groups: observed(
        workload
          ? [
              {
                name: 'app-asg',
                arn: arn('autoscaling', WORKLOAD, 'autoScalingGroup:1a2b:autoScalingGroupName/app-asg'),
                minSize: 2,
                maxSize: 6,
                desiredCapacity: 2,
                availabilityZones: [`${WORKLOAD}a`, `${WORKLOAD}b`],
                vpcSubnetIds: ['subnet-app-a', 'subnet-app-b'],
                instanceCount: 2,
                tags: {},
              },
            ]
          : [],
      ),
      policies: observed(workload ? [{ groupName: 'app-asg', policyName: 'cpu-target', policyType: 'TargetTrackingScaling', enabled: true }] : []),
      scheduledActions: none,
    }),
    codepipeline: observed({
      pipelines: observed(
        workload
          ? [
              {
                name: 'app-release',
                arn: arn('codepipeline', WORKLOAD, 'app-release'),
                pipelineType: 'V2',
                createdAt: daysAgo(300),
                updatedAt: daysAgo(30),
                latestExecution: observed({ status: 'Succeeded', startedAt: daysAgo(3), lastUpdatedAt: daysAgo(3) }),
              },
            ]
          : [],
      ),
    }),
    tagging: observed({ resources: none }),
  };
}

/** The well-run account's snapshot (a fresh copy each call: scenarios may build on it freely). */
export function wellRunSnapshot(): Snapshot {
  return aSnapshot({
    organization: observed(
      anOrganization({
        managementAccountId: ORG_MANAGEMENT,
        accounts: observed([
          { id: ORG_MANAGEMENT, name: 'management', email: 'aws-mgmt@acme.example', status: 'ACTIVE', joinedMethod: 'INVITED' },
          { id: LOG_ARCHIVE, name: 'log-archive', email: 'aws-logs@acme.example', status: 'ACTIVE', joinedMethod: 'CREATED' },
          { id: ACCOUNT_A, name: 'prod', email: 'aws-prod@acme.example', status: 'ACTIVE', joinedMethod: 'CREATED' },
        ]),
      }),
    ),
    accounts: [anAccount({ name: 'prod', global: globalSlices(), regional: REGIONS.map((r) => aRegion(r, regionalSlices(r))) })],
  });
}

export type { Observed };
