/**
 * Seeds a moto Organization with the AWS SDK v3: the management account 123456789012, one member
 * configured WELL and one configured BADLY (plus optional extra members for the bench), in two regions.
 * Members are reached with sts:AssumeRole on OrganizationAccountAccessRole, as the scanner does.
 *
 * Call `moto.reset()` and `moto.seed(n)` first: account ids are then deterministic.
 * Only what moto 5.2.1 supports is seeded (see /work/shared/reference/moto-notes.md). Every secret-looking
 * value is fake; FAKE_SECRETS lists them so tests can assert none reaches a snapshot or an assessment.
 */
import { PutAlternateContactCommand, AccountClient } from '@aws-sdk/client-account';
import { BackupClient, CreateBackupPlanCommand, CreateBackupVaultCommand } from '@aws-sdk/client-backup';
import { CloudTrailClient, CreateTrailCommand, PutEventSelectorsCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import {
  ConfigServiceClient,
  PutConfigurationRecorderCommand,
  PutDeliveryChannelCommand,
  StartConfigurationRecorderCommand,
} from '@aws-sdk/client-config-service';
import {
  CreateTableCommand,
  DynamoDBClient,
  UpdateContinuousBackupsCommand,
} from '@aws-sdk/client-dynamodb';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateLaunchTemplateCommand,
  CreateManagedPrefixListCommand,
  CreateVolumeCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
  EnableEbsEncryptionByDefaultCommand,
  RevokeSecurityGroupEgressCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import {
  AddRoleToInstanceProfileCommand,
  AttachGroupPolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreateLoginProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  UpdateAccountPasswordPolicyCommand,
} from '@aws-sdk/client-iam';
import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { CreateDBInstanceCommand, RDSClient } from '@aws-sdk/client-rds';
import {
  CreateBucketCommand,
  PutBucketAclCommand,
  PutBucketEncryptionCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
import { PutPublicAccessBlockCommand as PutAccountPublicAccessBlockCommand, S3ControlClient } from '@aws-sdk/client-s3-control';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { deflateRawSync } from 'node:zlib';

export const MANAGEMENT_ACCOUNT_ID = '123456789012';
export const SEED_REGIONS = ['us-east-1', 'eu-west-1'] as const;
export type SeedRegion = (typeof SEED_REGIONS)[number];
export const MEMBER_ROLE_NAME = 'OrganizationAccountAccessRole';
/** An account outside the Organization, trusted by a role (cross-account trust). */
export const EXTERNAL_ACCOUNT_ID = '999988887777';

/**
 * Fake secret-looking values planted in the BAD account. None may appear in a snapshot or an assessment.
 * The access key id does not end in EXAMPLE on purpose: the detector ignores AWS's documentation key
 * (AKIAIOSFODNN7EXAMPLE), and this one must be detected.
 */
export const FAKE_SECRETS = {
  lambdaAccessKeyId: 'AKIAFTRREADYE2EFAKE1',
  lambdaSecretAccessKey: 'FtrReadyE2eFake0SecretKey0DoNotUse0Xy123',
  userDataPassword: 'FtrE2eFakeUserDataPassw0rd',
  ssmPlainPassword: 'FtrE2eFakeSsmPlainPassw0rd',
  rdsMasterPassword: 'FtrE2eFakeRdsPassw0rd',
  loginProfilePassword: 'FtrE2eFakeConsolePassw0rd!',
  secretsManagerValue: 'FtrE2eFakeSecretsManagerValue',
} as const;

const FAKE_AMI = 'ami-12c6146b';
/** The BAD account's only alternate contact: a free-mail address. */
export const BAD_FREE_MAIL_CONTACT = 'ftr-e2e-ops-person@gmail.com';

export interface SeedOptions {
  /** moto endpoint, e.g. http://127.0.0.1:PORT. */
  readonly endpoint: string;
  /** Extra members beyond good + bad (the bench uses them); they alternate good/bad configurations. */
  readonly extraMembers?: number;
}

/** The bucket that receives CloudTrail logs and Config snapshots, in the management account. */
export interface LogArchive {
  readonly accountId: string;
  readonly bucket: string;
}

export interface WellConfiguredAccount {
  readonly kind: 'good';
  readonly accountId: string;
  readonly name: string;
  readonly buckets: { readonly data: string; readonly dataRegion: SeedRegion };
  readonly trail: { readonly name: string; readonly arn: string; readonly homeRegion: SeedRegion };
  readonly kmsKeyIds: Readonly<Record<SeedRegion, string>>;
  readonly defaultSecurityGroups: Readonly<Record<SeedRegion, string>>;
  readonly encryptedVolumeId: string;
  readonly rdsInstance: string;
  readonly dynamodbTable: string;
  readonly backupPlanId: string;
  readonly guardDutyDetectors: Readonly<Record<SeedRegion, string>>;
  readonly instance: { readonly id: string; readonly region: SeedRegion; readonly instanceProfile: string };
  readonly externalRole: string;
  readonly alternateContactDomain: string;
  readonly albArn: string;
}

export interface BadlyConfiguredAccount {
  readonly kind: 'bad';
  readonly accountId: string;
  readonly name: string;
  readonly users: {
    readonly consoleWithoutMfa: string;
    readonly withAccessKey: string;
    readonly accessKeyId: string;
    readonly directAdmin: string;
  };
  readonly wildcardPolicyArn: string;
  readonly externalRoleWithoutExternalId: string;
  readonly buckets: { readonly publicAcl: string; readonly publicPolicy: string; readonly unencrypted: string };
  readonly openSshGroup: { readonly id: string; readonly region: 'eu-west-1' };
  /** SSH from a customer-managed prefix list that holds 0.0.0.0/1 and 128.0.0.0/1 (the internet, split). */
  readonly prefixListSshGroup: { readonly id: string; readonly region: 'eu-west-1' };
  readonly defaultSecurityGroupWithRules: { readonly id: string; readonly region: 'eu-west-1' };
  readonly unencryptedVolume: { readonly id: string; readonly region: 'eu-west-1' };
  readonly kmsKeyWithoutRotation: { readonly id: string; readonly region: 'us-east-1' };
  readonly lambdaWithSecret: { readonly name: string; readonly region: 'us-east-1'; readonly variable: string };
  readonly instanceWithSecretUserData: { readonly id: string; readonly region: 'eu-west-1' };
  readonly launchTemplateWithSecret: { readonly id: string; readonly region: 'eu-west-1' };
  readonly publicRds: { readonly id: string; readonly region: 'us-east-1' };
  readonly dynamodbTableWithoutPitr: { readonly name: string; readonly region: 'us-east-1' };
  readonly plainSsmParameter: { readonly name: string; readonly region: 'us-east-1' };
  readonly httpAlbArn: string;
}

export interface SeededOrganization {
  readonly endpoint: string;
  readonly organizationId: string;
  readonly managementAccountId: string;
  readonly regions: readonly SeedRegion[];
  readonly logArchive: LogArchive;
  readonly good: WellConfiguredAccount;
  readonly bad: BadlyConfiguredAccount;
  /** Extra members (bench), alternating good/bad. */
  readonly extras: readonly (WellConfiguredAccount | BadlyConfiguredAccount)[];
  /** Every account id: management first, then good, bad, extras. */
  readonly accountIds: readonly string[];
}

const MGMT_CREDENTIALS: AwsCredentialIdentity = { accessKeyId: 'testing', secretAccessKey: 'testing' };

/** SDK clients of one account against moto. */
class AccountClients {
  readonly accountId: string;
  private readonly endpoint: string;
  private readonly credentials: AwsCredentialIdentity;

  constructor(endpoint: string, accountId: string, credentials: AwsCredentialIdentity) {
    this.endpoint = endpoint;
    this.accountId = accountId;
    this.credentials = credentials;
  }

  private config(region: string) {
    return { endpoint: this.endpoint, region, credentials: this.credentials, maxAttempts: 1 };
  }

  iam() {
    return new IAMClient(this.config('us-east-1'));
  }
  s3(region: string) {
    return new S3Client({ ...this.config(region), forcePathStyle: true });
  }
  s3control() {
    // The SDK puts the account id in front of the host (123456789012.127.0.0.1), which is not a valid URL:
    // resolve every S3 Control request to the moto endpoint itself.
    const url = new URL(this.endpoint);
    return new S3ControlClient({ ...this.config('us-east-1'), endpointProvider: () => ({ url }) });
  }
  ec2(region: string) {
    return new EC2Client(this.config(region));
  }
  elbv2(region: string) {
    return new ElasticLoadBalancingV2Client(this.config(region));
  }
  kms(region: string) {
    return new KMSClient(this.config(region));
  }
  cloudtrail(region: string) {
    return new CloudTrailClient(this.config(region));
  }
  config_(region: string) {
    return new ConfigServiceClient(this.config(region));
  }
  guardduty(region: string) {
    return new GuardDutyClient(this.config(region));
  }
  securityhub(region: string) {
    return new SecurityHubClient(this.config(region));
  }
  rds(region: string) {
    return new RDSClient(this.config(region));
  }
  dynamodb(region: string) {
    return new DynamoDBClient(this.config(region));
  }
  backup(region: string) {
    return new BackupClient(this.config(region));
  }
  lambda(region: string) {
    return new LambdaClient(this.config(region));
  }
  ssm(region: string) {
    return new SSMClient(this.config(region));
  }
  secrets(region: string) {
    return new SecretsManagerClient(this.config(region));
  }
  account() {
    return new AccountClient(this.config('us-east-1'));
  }
}

function required<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`moto returned no ${what}`);
  return value;
}

function locationConstraint(region: string): { CreateBucketConfiguration?: { LocationConstraint: BucketLocationConstraint } } {
  return region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } };
}

function tlsOnlyPolicy(bucket: string, extra: readonly object[] = []): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      ...extra,
    ],
  });
}

/** A private, encrypted, versioned, TLS-only bucket. */
async function createSecureBucket(c: AccountClients, bucket: string, region: string, extraStatements: readonly object[] = []): Promise<void> {
  const s3 = c.s3(region);
  await s3.send(new CreateBucketCommand({ Bucket: bucket, ObjectOwnership: 'BucketOwnerEnforced', ...locationConstraint(region) }));
  await s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: bucket,
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    }),
  );
  await s3.send(
    new PutBucketEncryptionCommand({
      Bucket: bucket,
      ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true }] },
    }),
  );
  await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: tlsOnlyPolicy(bucket, extraStatements) }));
}

async function defaultSecurityGroupId(ec2: EC2Client): Promise<string> {
  const vpcs = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
  const vpcId = required(vpcs.Vpcs?.[0]?.VpcId, 'default VPC');
  const sgs = await ec2.send(
    new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'group-name', Values: ['default'] }] }),
  );
  return required(sgs.SecurityGroups?.[0]?.GroupId, 'default security group');
}

async function defaultVpcSubnets(ec2: EC2Client): Promise<{ vpcId: string; subnets: string[] }> {
  const vpcs = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
  const vpcId = required(vpcs.Vpcs?.[0]?.VpcId, 'default VPC');
  const subnets = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }));
  return { vpcId, subnets: (subnets.Subnets ?? []).map((s) => required(s.SubnetId, 'subnet id')).slice(0, 2) };
}

/** A minimal zip holding index.js, built without a zip library (one deflated entry). */
function tinyZip(fileName: string, content: string): Uint8Array {
  const data = Buffer.from(content, 'utf8');
  const compressed = deflateRawSync(data);
  const name = Buffer.from(fileName, 'utf8');
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(0, 10);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  local.writeUInt16LE(0, 28);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(0, 12);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + name.length + compressed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, compressed, central, name, end]);
}

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function trustPolicy(principal: object, condition?: object): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) }],
  });
}

async function assumeMember(endpoint: string, accountId: string): Promise<AccountClients> {
  const sts = new STSClient({ endpoint, region: 'us-east-1', credentials: MGMT_CREDENTIALS, maxAttempts: 1 });
  const out = await sts.send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/${MEMBER_ROLE_NAME}`, RoleSessionName: 'ftr-e2e-seed' }),
  );
  const c = required(out.Credentials, 'AssumeRole credentials');
  return new AccountClients(endpoint, accountId, {
    accessKeyId: required(c.AccessKeyId, 'AccessKeyId'),
    secretAccessKey: required(c.SecretAccessKey, 'SecretAccessKey'),
    ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
  });
}

async function seedGood(c: AccountClients, name: string, logArchive: LogArchive): Promise<WellConfiguredAccount> {
  const id = c.accountId;
  const iam = c.iam();
  await iam.send(
    new UpdateAccountPasswordPolicyCommand({
      MinimumPasswordLength: 16,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 24,
    }),
  );
  // Permissions through groups and roles only.
  await iam.send(new CreateGroupCommand({ GroupName: 'readonly-operators' }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: 'readonly-operators', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
  const externalRole = 'vendor-audit-with-external-id';
  await iam.send(
    new CreateRoleCommand({
      RoleName: externalRole,
      AssumeRolePolicyDocument: trustPolicy({ AWS: `arn:aws:iam::${EXTERNAL_ACCOUNT_ID}:root` }, { StringEquals: { 'sts:ExternalId': 'ftr-e2e-external-id' } }),
    }),
  );
  const ec2RoleName = 'app-instance-role';
  await iam.send(new CreateRoleCommand({ RoleName: ec2RoleName, AssumeRolePolicyDocument: trustPolicy({ Service: 'ec2.amazonaws.com' }) }));
  const instanceProfile = 'app-instance-profile';
  await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: instanceProfile }));
  await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: instanceProfile, RoleName: ec2RoleName }));

  // S3: account-level PAB, and a private, encrypted, versioned, TLS-only bucket.
  await c.s3control().send(
    new PutAccountPublicAccessBlockCommand({
      AccountId: id,
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
    }),
  );
  const dataBucket = `ftr-e2e-${id}-good-data`;
  await createSecureBucket(c, dataBucket, 'eu-west-1');

  const kmsKeyIds: Record<string, string> = {};
  const defaultSgs: Record<string, string> = {};
  const detectors: Record<string, string> = {};
  for (const region of SEED_REGIONS) {
    const kms = c.kms(region);
    const key = await kms.send(new CreateKeyCommand({ Description: `ftr-e2e good key ${region}` }));
    const keyId = required(key.KeyMetadata?.KeyId, 'KMS key id');
    await kms.send(new EnableKeyRotationCommand({ KeyId: keyId }));
    kmsKeyIds[region] = keyId;

    const ec2 = c.ec2(region);
    await ec2.send(new EnableEbsEncryptionByDefaultCommand({}));
    const sg = await defaultSecurityGroupId(ec2);
    // The default SG keeps no rules at all (moto adds an allow-all egress rule; remove it).
    try {
      await ec2.send(
        new RevokeSecurityGroupEgressCommand({ GroupId: sg, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }),
      );
    } catch {
      // no egress rule to remove
    }
    defaultSgs[region] = sg;

    const gd = await c.guardduty(region).send(new CreateDetectorCommand({ Enable: true }));
    detectors[region] = required(gd.DetectorId, 'GuardDuty detector id');

    const config = c.config_(region);
    await config.send(
      new PutConfigurationRecorderCommand({
        ConfigurationRecorder: {
          name: 'default',
          roleARN: `arn:aws:iam::${id}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
          recordingGroup: { allSupported: true, includeGlobalResourceTypes: region === 'us-east-1' },
        },
      }),
    );
    await config.send(new PutDeliveryChannelCommand({ DeliveryChannel: { name: 'default', s3BucketName: logArchive.bucket } }));
    await config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));

    await c.securityhub(region).send(new EnableSecurityHubCommand({}));
  }

  // CloudTrail: one multi-region trail with log file validation and KMS, logging to the log archive account.
  const trailName = 'org-audit-trail';
  const ct = c.cloudtrail('us-east-1');
  const trail = await ct.send(
    new CreateTrailCommand({
      Name: trailName,
      S3BucketName: logArchive.bucket,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      KmsKeyId: required(kmsKeyIds['us-east-1'], 'key'),
    }),
  );
  // Real AWS gives a new trail "all management events"; moto gives none unless they are set explicitly.
  await ct.send(
    new PutEventSelectorsCommand({
      TrailName: trailName,
      EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }],
    }),
  );
  await ct.send(new StartLoggingCommand({ Name: trailName }));

  // EBS volume (encrypted explicitly: moto ignores the default) and an instance with a role and harmless user data.
  const ec2 = c.ec2('us-east-1');
  const volume = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 8, Encrypted: true }));
  const instance = await ec2.send(
    new RunInstancesCommand({
      ImageId: FAKE_AMI,
      MinCount: 1,
      MaxCount: 1,
      InstanceType: 't3.micro',
      IamInstanceProfile: { Name: instanceProfile },
      // moto ignores EBS encryption by default: ask for an encrypted root volume explicitly.
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, Encrypted: true } }],
      UserData: Buffer.from('#!/bin/bash\nyum -y update\nsystemctl start app\n').toString('base64'),
    }),
  );

  // ALB whose HTTP listener redirects to HTTPS.
  const elb = c.elbv2('us-east-1');
  const { subnets } = await defaultVpcSubnets(ec2);
  const alb = await elb.send(new CreateLoadBalancerCommand({ Name: 'good-alb', Subnets: subnets, Type: 'application' }));
  const albArn = required(alb.LoadBalancers?.[0]?.LoadBalancerArn, 'ALB arn');
  await elb.send(
    new CreateListenerCommand({
      LoadBalancerArn: albArn,
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
    }),
  );

  // Data stores with backups.
  const rdsId = 'good-postgres';
  await c.rds('us-east-1').send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: rdsId,
      Engine: 'postgres',
      DBInstanceClass: 'db.t3.micro',
      AllocatedStorage: 20,
      MasterUsername: 'app',
      MasterUserPassword: FAKE_SECRETS.rdsMasterPassword,
      BackupRetentionPeriod: 7,
      StorageEncrypted: true,
      MultiAZ: true,
      PubliclyAccessible: false,
    }),
  );
  const table = 'good-orders';
  const ddb = c.dynamodb('us-east-1');
  await ddb.send(
    new CreateTableCommand({
      TableName: table,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await ddb.send(new UpdateContinuousBackupsCommand({ TableName: table, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
  const backup = c.backup('us-east-1');
  await backup.send(new CreateBackupVaultCommand({ BackupVaultName: 'good-vault' }));
  const plan = await backup.send(
    new CreateBackupPlanCommand({
      BackupPlan: {
        BackupPlanName: 'daily',
        Rules: [{ RuleName: 'daily', TargetBackupVaultName: 'good-vault', ScheduleExpression: 'cron(0 5 ? * * *)', Lifecycle: { DeleteAfterDays: 35 } }],
      },
    }),
  );

  // Secrets in a managed store.
  await c.secrets('us-east-1').send(new CreateSecretCommand({ Name: 'prod/db', SecretString: FAKE_SECRETS.secretsManagerValue }));
  await c.ssm('us-east-1').send(
    new PutParameterCommand({ Name: '/app/db_password', Type: 'SecureString', Value: FAKE_SECRETS.ssmPlainPassword }),
  );

  // Alternate contacts on a company domain.
  const domain = 'anycompany-ftr-e2e.com';
  const account = c.account();
  for (const [type, who] of [
    ['SECURITY', 'security'],
    ['OPERATIONS', 'ops'],
    ['BILLING', 'billing'],
  ] as const) {
    await account.send(
      new PutAlternateContactCommand({
        AlternateContactType: type,
        Name: `${who} team`,
        Title: `${who} lead`,
        EmailAddress: `${who}@${domain}`,
        PhoneNumber: '+1-555-0100',
      }),
    );
  }

  return {
    kind: 'good',
    accountId: id,
    name,
    buckets: { data: dataBucket, dataRegion: 'eu-west-1' },
    trail: { name: trailName, arn: required(trail.TrailARN, 'trail arn'), homeRegion: 'us-east-1' },
    kmsKeyIds: kmsKeyIds as Record<SeedRegion, string>,
    defaultSecurityGroups: defaultSgs as Record<SeedRegion, string>,
    encryptedVolumeId: required(volume.VolumeId, 'volume id'),
    rdsInstance: rdsId,
    dynamodbTable: table,
    backupPlanId: required(plan.BackupPlanId, 'backup plan id'),
    guardDutyDetectors: detectors as Record<SeedRegion, string>,
    instance: { id: required(instance.Instances?.[0]?.InstanceId, 'instance id'), region: 'us-east-1', instanceProfile },
    externalRole,
    alternateContactDomain: domain,
    albArn,
  };
}

async function seedBad(c: AccountClients, name: string): Promise<BadlyConfiguredAccount> {
  const id = c.accountId;
  const iam = c.iam();
  // No password policy. A console user without MFA, a user with an access key, a user with admin attached directly.
  const consoleUser = 'alice-console';
  await iam.send(new CreateUserCommand({ UserName: consoleUser }));
  await iam.send(new CreateLoginProfileCommand({ UserName: consoleUser, Password: FAKE_SECRETS.loginProfilePassword }));
  const keyUser = 'ci-deploy';
  await iam.send(new CreateUserCommand({ UserName: keyUser }));
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: keyUser }));
  const adminUser = 'bob-admin';
  await iam.send(new CreateUserCommand({ UserName: adminUser }));
  await iam.send(new AttachUserPolicyCommand({ UserName: adminUser, PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
  const wildcard = await iam.send(
    new CreatePolicyCommand({
      PolicyName: 'everything-everywhere',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
    }),
  );
  const wildcardArn = required(wildcard.Policy?.Arn, 'policy arn');
  await iam.send(new AttachUserPolicyCommand({ UserName: keyUser, PolicyArn: wildcardArn }));
  const externalRole = 'vendor-access-no-external-id';
  await iam.send(
    new CreateRoleCommand({ RoleName: externalRole, AssumeRolePolicyDocument: trustPolicy({ AWS: `arn:aws:iam::${EXTERNAL_ACCOUNT_ID}:root` }) }),
  );
  const lambdaRole = await iam.send(
    new CreateRoleCommand({ RoleName: 'lambda-exec', AssumeRolePolicyDocument: trustPolicy({ Service: 'lambda.amazonaws.com' }) }),
  );

  // S3: a public-read bucket via ACL, a public bucket via policy, an unencrypted, unversioned bucket.
  const s3 = c.s3('us-east-1');
  const publicAcl = `ftr-e2e-${id}-public-acl`;
  await s3.send(new CreateBucketCommand({ Bucket: publicAcl, ObjectOwnership: 'ObjectWriter' }));
  await s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: publicAcl,
      PublicAccessBlockConfiguration: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false },
    }),
  );
  await s3.send(new PutBucketAclCommand({ Bucket: publicAcl, ACL: 'public-read' }));
  const publicPolicy = `ftr-e2e-${id}-public-policy`;
  await s3.send(new CreateBucketCommand({ Bucket: publicPolicy }));
  await s3.send(
    new PutBucketPolicyCommand({
      Bucket: publicPolicy,
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${publicPolicy}/*` }],
      }),
    }),
  );
  const unencrypted = `ftr-e2e-${id}-unencrypted`;
  await c.s3('eu-west-1').send(new CreateBucketCommand({ Bucket: unencrypted, ...locationConstraint('eu-west-1') }));

  // EC2 in eu-west-1: SSH open to the world, rules on the default SG, an unencrypted volume, secret user data.
  const ec2 = c.ec2('eu-west-1');
  const { vpcId } = await defaultVpcSubnets(ec2);
  const sg = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'ssh-from-anywhere', Description: 'ssh open', VpcId: vpcId }));
  const sgId = required(sg.GroupId, 'security group id');
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: sgId,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    }),
  );
  // The internet without writing 0.0.0.0/0: two halves in a customer-managed prefix list.
  const prefixList = await ec2.send(
    new CreateManagedPrefixListCommand({
      PrefixListName: 'partners-anywhere',
      AddressFamily: 'IPv4',
      MaxEntries: 5,
      Entries: [{ Cidr: '0.0.0.0/1', Description: 'half' }, { Cidr: '128.0.0.0/1', Description: 'other half' }],
    }),
  );
  const plSg = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'ssh-from-partners', Description: 'ssh via prefix list', VpcId: vpcId }));
  const plSgId = required(plSg.GroupId, 'security group id');
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: plSgId,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, PrefixListIds: [{ PrefixListId: required(prefixList.PrefixList?.PrefixListId, 'prefix list id') }] }],
    }),
  );
  const defaultSg = await defaultSecurityGroupId(ec2);
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: defaultSg,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    }),
  );
  const volume = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'eu-west-1a', Size: 8, Encrypted: false }));
  const userData = [
    '#!/bin/bash',
    'export APP_ENV=production',
    `export DB_PASSWORD=${FAKE_SECRETS.userDataPassword}`,
    'systemctl start app',
  ].join('\n');
  const instance = await ec2.send(
    new RunInstancesCommand({
      ImageId: FAKE_AMI,
      MinCount: 1,
      MaxCount: 1,
      InstanceType: 't3.micro',
      SecurityGroupIds: [sgId],
      UserData: Buffer.from(userData).toString('base64'),
    }),
  );

  const template = await ec2.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: 'legacy-workers',
      LaunchTemplateData: { InstanceType: 't3.micro', UserData: Buffer.from(userData).toString('base64') },
    }),
  );

  // us-east-1: a KMS key without rotation, a Lambda with a key in its environment, a public RDS without backups.
  const key2 = await c.kms('us-east-1').send(new CreateKeyCommand({ Description: 'ftr-e2e bad key' }));
  const lambdaName = 'legacy-exporter';
  await c.lambda('us-east-1').send(
    new CreateFunctionCommand({
      FunctionName: lambdaName,
      Runtime: 'nodejs20.x',
      Role: required(lambdaRole.Role?.Arn, 'role arn'),
      Handler: 'index.handler',
      Code: { ZipFile: tinyZip('index.js', 'exports.handler = async () => ({ ok: true });\n') },
      Environment: {
        Variables: {
          LOG_LEVEL: 'info',
          AWS_ACCESS_KEY_ID: FAKE_SECRETS.lambdaAccessKeyId,
          AWS_SECRET_ACCESS_KEY: FAKE_SECRETS.lambdaSecretAccessKey,
        },
      },
    }),
  );
  const rdsId = 'bad-mysql';
  await c.rds('us-east-1').send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: rdsId,
      Engine: 'mysql',
      DBInstanceClass: 'db.t3.micro',
      AllocatedStorage: 20,
      MasterUsername: 'admin',
      MasterUserPassword: FAKE_SECRETS.rdsMasterPassword,
      BackupRetentionPeriod: 0,
      StorageEncrypted: false,
      MultiAZ: false,
      PubliclyAccessible: true,
    }),
  );
  const table = 'bad-sessions';
  await c.dynamodb('us-east-1').send(
    new CreateTableCommand({
      TableName: table,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  const param = '/legacy/db_password';
  await c.ssm('us-east-1').send(new PutParameterCommand({ Name: param, Type: 'String', Value: FAKE_SECRETS.ssmPlainPassword }));

  // Only a SECURITY alternate contact, on a free-mail domain (a person's mailbox, not a company one).
  await c.account().send(
    new PutAlternateContactCommand({
      AlternateContactType: 'SECURITY',
      Name: 'Ops Person',
      Title: 'admin',
      EmailAddress: BAD_FREE_MAIL_CONTACT,
      PhoneNumber: '+1-555-0199',
    }),
  );

  // ALB with a plain HTTP listener forwarding traffic.
  const ec2East = c.ec2('us-east-1');
  const east = await defaultVpcSubnets(ec2East);
  const elb = c.elbv2('us-east-1');
  const alb = await elb.send(new CreateLoadBalancerCommand({ Name: 'bad-alb', Subnets: east.subnets, Type: 'application' }));
  const albArn = required(alb.LoadBalancers?.[0]?.LoadBalancerArn, 'ALB arn');
  const tg = await elb.send(new CreateTargetGroupCommand({ Name: 'bad-tg', Protocol: 'HTTP', Port: 80, VpcId: east.vpcId }));
  await elb.send(
    new CreateListenerCommand({
      LoadBalancerArn: albArn,
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: required(tg.TargetGroups?.[0]?.TargetGroupArn, 'target group arn') }],
    }),
  );

  return {
    kind: 'bad',
    accountId: id,
    name,
    users: {
      consoleWithoutMfa: consoleUser,
      withAccessKey: keyUser,
      accessKeyId: required(key.AccessKey?.AccessKeyId, 'access key id'),
      directAdmin: adminUser,
    },
    wildcardPolicyArn: wildcardArn,
    externalRoleWithoutExternalId: externalRole,
    buckets: { publicAcl, publicPolicy, unencrypted },
    openSshGroup: { id: sgId, region: 'eu-west-1' },
    prefixListSshGroup: { id: plSgId, region: 'eu-west-1' },
    defaultSecurityGroupWithRules: { id: defaultSg, region: 'eu-west-1' },
    unencryptedVolume: { id: required(volume.VolumeId, 'volume id'), region: 'eu-west-1' },
    kmsKeyWithoutRotation: { id: required(key2.KeyMetadata?.KeyId, 'key id'), region: 'us-east-1' },
    lambdaWithSecret: { name: lambdaName, region: 'us-east-1', variable: 'AWS_ACCESS_KEY_ID' },
    instanceWithSecretUserData: { id: required(instance.Instances?.[0]?.InstanceId, 'instance id'), region: 'eu-west-1' },
    launchTemplateWithSecret: { id: required(template.LaunchTemplate?.LaunchTemplateId, 'launch template id'), region: 'eu-west-1' },
    publicRds: { id: rdsId, region: 'us-east-1' },
    dynamodbTableWithoutPitr: { name: table, region: 'us-east-1' },
    plainSsmParameter: { name: param, region: 'us-east-1' },
    httpAlbArn: albArn,
  };
}

/** Seeds the Organization. Run `moto.reset()` + `moto.seed(n)` before for deterministic ids. */
export async function seedOrganization(options: SeedOptions): Promise<SeededOrganization> {
  const { endpoint } = options;
  const mgmt = new AccountClients(endpoint, MANAGEMENT_ACCOUNT_ID, MGMT_CREDENTIALS);
  const orgs = new OrganizationsClient({ endpoint, region: 'us-east-1', credentials: MGMT_CREDENTIALS, maxAttempts: 1 });
  const org = await orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const organizationId = required(org.Organization?.Id, 'organization id');

  const createMember = async (name: string): Promise<string> => {
    const out = await orgs.send(new CreateAccountCommand({ AccountName: name, Email: `aws+${name}@anycompany-ftr-e2e.com` }));
    return required(out.CreateAccountStatus?.AccountId, `account id of ${name}`);
  };
  const goodId = await createMember('workload-good');
  const badId = await createMember('workload-bad');
  const extraIds: string[] = [];
  for (let i = 0; i < (options.extraMembers ?? 0); i += 1) extraIds.push(await createMember(`workload-extra-${String(i + 1).padStart(2, '0')}`));

  // Log archive: in the management account, readable only over TLS, with a CloudTrail/Config write grant.
  const logArchive: LogArchive = { accountId: MANAGEMENT_ACCOUNT_ID, bucket: `ftr-e2e-${MANAGEMENT_ACCOUNT_ID}-org-logs` };
  await createSecureBucket(mgmt, logArchive.bucket, 'us-east-1', [
    {
      Sid: 'AWSCloudTrailAndConfigWrite',
      Effect: 'Allow',
      Principal: { Service: ['cloudtrail.amazonaws.com', 'config.amazonaws.com'] },
      Action: 's3:PutObject',
      Resource: `arn:aws:s3:::${logArchive.bucket}/*`,
    },
  ]);

  const good = await seedGood(await assumeMember(endpoint, goodId), 'workload-good', logArchive);
  const bad = await seedBad(await assumeMember(endpoint, badId), 'workload-bad');
  const extras: (WellConfiguredAccount | BadlyConfiguredAccount)[] = [];
  for (const [i, extraId] of extraIds.entries()) {
    const c = await assumeMember(endpoint, extraId);
    extras.push(i % 2 === 0 ? await seedGood(c, `workload-extra-${String(i + 1)}`, logArchive) : await seedBad(c, `workload-extra-${String(i + 1)}`));
  }

  return {
    endpoint,
    organizationId,
    managementAccountId: MANAGEMENT_ACCOUNT_ID,
    regions: SEED_REGIONS,
    logArchive,
    good,
    bad,
    extras,
    accountIds: [MANAGEMENT_ACCOUNT_ID, goodId, badId, ...extraIds],
  };
}
