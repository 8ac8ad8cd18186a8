import { gzipSync } from 'node:zlib';
import {
  DescribeInstanceAttributeCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeInstancesCommand,
  DescribeManagedPrefixListsCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  GetManagedPrefixListEntriesCommand,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awsError, testCollectorContext } from '../../../../test/helpers/collector-context.js';
import { ec2Collector, scanUserData } from './ec2.collector.js';

const ec2 = mockClient(EC2Client);
const FAKE_PASSWORD = 'Sup3rS3cretPassw0rd';
const userData = (text: string) => Buffer.from(text).toString('base64');

function happyPath(): void {
  ec2.on(DescribeSecurityGroupsCommand).resolves({
    SecurityGroups: [
      {
        GroupId: 'sg-default',
        GroupName: 'default',
        VpcId: 'vpc-1',
        IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-default' }] }],
        IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      },
      {
        GroupId: 'sg-web',
        GroupName: 'web',
        VpcId: 'vpc-1',
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
          { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, PrefixListIds: [{ PrefixListId: 'pl-1' }] },
        ],
      },
    ],
  });
  ec2.on(DescribeNetworkInterfacesCommand).resolves({
    NetworkInterfaces: [{ Groups: [{ GroupId: 'sg-web' }] }, { Groups: [{ GroupId: 'sg-web' }, { GroupId: 'sg-db' }] }],
  });
  ec2.on(DescribeNetworkAclsCommand).resolves({
    NetworkAcls: [
      {
        NetworkAclId: 'acl-1',
        VpcId: 'vpc-1',
        IsDefault: true,
        Associations: [{ SubnetId: 'subnet-pub' }],
        Entries: [
          { RuleNumber: 100, Egress: false, Protocol: '-1', RuleAction: 'allow', CidrBlock: '0.0.0.0/0' },
          { RuleNumber: 110, Egress: false, Protocol: '6', RuleAction: 'deny', CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } },
        ],
      },
    ],
  });
  ec2.on(GetEbsEncryptionByDefaultCommand).resolves({ EbsEncryptionByDefault: true });
  ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [] });
  ec2.on(DescribeVolumesCommand).resolves({
    Volumes: [{ VolumeId: 'vol-1', Encrypted: false, State: 'in-use', Size: 8, Attachments: [{ InstanceId: 'i-web' }], Tags: [{ Key: 'Name', Value: 'root' }] }],
  });
  ec2.on(DescribeSubnetsCommand).resolves({
    Subnets: [{ SubnetId: 'subnet-pub', VpcId: 'vpc-1', MapPublicIpOnLaunch: true, DefaultForAz: true, CidrBlock: '172.31.0.0/20' }],
  });
  ec2.on(DescribeRouteTablesCommand).resolves({
    RouteTables: [
      {
        RouteTableId: 'rtb-main',
        VpcId: 'vpc-1',
        Associations: [{ Main: true }],
        Routes: [
          { DestinationCidrBlock: '172.31.0.0/16', GatewayId: 'local', State: 'active' },
          { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' },
          { DestinationIpv6CidrBlock: '::/0', GatewayId: 'igw-1', State: 'blackhole' },
        ],
      },
    ],
  });
  ec2.on(DescribeInstancesCommand).resolves({
    Reservations: [
      {
        Instances: [
          {
            InstanceId: 'i-web',
            State: { Name: 'running' },
            SubnetId: 'subnet-pub',
            VpcId: 'vpc-1',
            PublicIpAddress: '203.0.113.10',
            IamInstanceProfile: { Arn: 'arn:aws:iam::111111111111:instance-profile/web' },
            SecurityGroups: [{ GroupId: 'sg-web' }],
            Tags: [{ Key: 'Name', Value: 'web-1' }],
            LaunchTime: new Date('2026-01-02T03:04:05Z'),
          },
          { InstanceId: 'i-old', State: { Name: 'terminated' } },
        ],
      },
    ],
  });
  ec2.on(DescribeLaunchTemplateVersionsCommand).resolves({
    LaunchTemplateVersions: [
      { LaunchTemplateId: 'lt-1', LaunchTemplateName: 'web', VersionNumber: 3, DefaultVersion: true, LaunchTemplateData: { UserData: userData(`#!/bin/bash\nexport DB_PASSWORD=${FAKE_PASSWORD}\n`) } },
      { LaunchTemplateId: 'lt-2', LaunchTemplateName: 'plain', VersionNumber: 1, DefaultVersion: true, LaunchTemplateData: {} },
    ],
  });
  ec2
    .on(DescribeInstanceAttributeCommand, { InstanceId: 'i-web' })
    .resolves({ UserData: { Value: userData(`#!/bin/bash\nexport DB_PASSWORD=${FAKE_PASSWORD}\n`) } });
}

describe('ec2Collector', () => {
  beforeEach(() => ec2.reset());
  afterEach(() => ec2.reset());

  it('collects groups, ACLs, EBS, volumes, subnets, routes and instances with a user data scan', async () => {
    happyPath();
    const { ctx } = testCollectorContext();
    const slice = await ec2Collector.collect(ctx);

    expect(slice.securityGroups).toEqual({
      ok: true,
      value: [
        {
          groupId: 'sg-default',
          groupName: 'default',
          vpcId: 'vpc-1',
          isDefault: true,
          ingress: [{ protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: [], ipv6Ranges: [], referencedGroupIds: ['sg-default'], prefixListIds: [] }],
          egress: [{ protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: ['0.0.0.0/0'], ipv6Ranges: [], referencedGroupIds: [], prefixListIds: [] }],
        },
        {
          groupId: 'sg-web',
          groupName: 'web',
          vpcId: 'vpc-1',
          isDefault: false,
          ingress: [
            { protocol: 'tcp', fromPort: 22, toPort: 22, ipv4Ranges: ['0.0.0.0/0'], ipv6Ranges: ['::/0'], referencedGroupIds: [], prefixListIds: [] },
            { protocol: 'tcp', fromPort: 443, toPort: 443, ipv4Ranges: [], ipv6Ranges: [], referencedGroupIds: [], prefixListIds: ['pl-1'] },
          ],
          egress: [],
        },
      ],
    });
    expect(slice.attachedSecurityGroupIds).toEqual({ ok: true, value: ['sg-db', 'sg-web'] });
    expect(slice.networkAcls.ok && slice.networkAcls.value[0]).toMatchObject({
      networkAclId: 'acl-1',
      isDefault: true,
      subnetIds: ['subnet-pub'],
      entries: [
        { ruleNumber: 100, egress: false, protocol: '-1', action: 'allow', cidrBlock: '0.0.0.0/0', portRange: null },
        { ruleNumber: 110, protocol: '6', action: 'deny', portRange: { from: 22, to: 22 } },
      ],
    });
    expect(slice.ebsEncryptionByDefault).toEqual({ ok: true, value: true });
    expect(slice.volumes).toEqual({
      ok: true,
      value: [{ volumeId: 'vol-1', name: 'root', encrypted: false, kmsKeyId: null, state: 'in-use', sizeGiB: 8, attachedInstanceIds: ['i-web'] }],
    });
    expect(slice.subnets.ok && slice.subnets.value[0]).toMatchObject({ subnetId: 'subnet-pub', mapPublicIpOnLaunch: true, defaultForAz: true });
    expect(slice.routeTables).toEqual({
      ok: true,
      value: [{ routeTableId: 'rtb-main', vpcId: 'vpc-1', isMain: true, subnetIds: [], internetGatewayRoutes: ['0.0.0.0/0'] }],
    });

    // The terminated instance is skipped, and so is its DescribeInstanceAttribute call.
    expect(slice.instances.ok && slice.instances.value.map((i) => i.instanceId)).toEqual(['i-web']);
    expect(ec2.commandCalls(DescribeInstanceAttributeCommand)).toHaveLength(1);
    const web = slice.instances.ok ? slice.instances.value[0] : undefined;
    expect(web).toMatchObject({
      name: 'web-1',
      state: 'running',
      publicIpAddress: '203.0.113.10',
      iamInstanceProfileArn: 'arn:aws:iam::111111111111:instance-profile/web',
      securityGroupIds: ['sg-web'],
      launchTime: '2026-01-02T03:04:05.000Z',
      userData: {
        ok: true,
        value: { gzip: false, secretFindings: [{ location: 'userData:line 2', kind: 'password-assignment' }] },
      },
    });
    // Launch templates: $Latest and $Default of all templates in one call, scanned like instance user data.
    expect(ec2.commandCalls(DescribeLaunchTemplateVersionsCommand)[0]?.args[0].input).toEqual({ Versions: ['$Latest', '$Default'] });
    expect(slice.launchTemplateVersions).toMatchObject({
      ok: true,
      value: [
        { launchTemplateId: 'lt-1', launchTemplateName: 'web', versionNumber: 3, isDefault: true, userData: { secretFindings: [{ kind: 'password-assignment' }] } },
        { launchTemplateId: 'lt-2', versionNumber: 1, userData: null },
      ],
    });
    // The user data itself never reaches the slice.
    expect(JSON.stringify(slice)).not.toContain(FAKE_PASSWORD);
  });

  it('keeps the rest when one read is denied', async () => {
    happyPath();
    ec2.on(DescribeSecurityGroupsCommand).rejects(awsError('UnauthorizedOperation'));
    ec2.on(DescribeInstanceAttributeCommand).rejects(awsError('UnauthorizedOperation'));
    const { ctx, recorder } = testCollectorContext();
    const slice = await ec2Collector.collect(ctx);

    expect(slice.securityGroups).toMatchObject({ ok: false, error: { kind: 'access_denied', operation: 'DescribeSecurityGroups' } });
    expect(slice.instances.ok && slice.instances.value[0]?.userData).toMatchObject({ ok: false, error: { kind: 'access_denied' } });
    expect(slice.volumes.ok).toBe(true);
    expect(slice.ebsEncryptionByDefault).toEqual({ ok: true, value: true });
    expect(recorder.errors.map((e) => e.operation).sort()).toEqual(['DescribeInstanceAttribute', 'DescribeSecurityGroups']);
  });

  it('treats an instance that vanished before DescribeInstanceAttribute as having no user data', async () => {
    happyPath();
    ec2.on(DescribeInstanceAttributeCommand).rejects(awsError('InvalidInstanceID.NotFound'));
    const { ctx } = testCollectorContext();
    const slice = await ec2Collector.collect(ctx);
    expect(slice.instances.ok && slice.instances.value[0]?.userData).toEqual({ ok: true, value: null });
  });

  it('turns an unsupported-API answer into an error value', async () => {
    happyPath();
    ec2.on(GetEbsEncryptionByDefaultCommand).rejects(awsError('404', 'Not Found', 404));
    const { ctx } = testCollectorContext();
    const slice = await ec2Collector.collect(ctx);
    expect(slice.ebsEncryptionByDefault).toMatchObject({ ok: false, error: { kind: 'unsupported', code: '404' } });
    expect(slice.subnets.ok).toBe(true);
  });
});

describe('ec2Collector owned snapshots', () => {
  beforeEach(() => ec2.reset());

  it('counts the snapshots the account owns (every page) and the unencrypted ones, asking only for its own', async () => {
    happyPath();
    ec2
      .on(DescribeSnapshotsCommand)
      .resolvesOnce({ Snapshots: [{ SnapshotId: 'snap-1', Encrypted: true, OwnerId: '111111111111' }, { SnapshotId: 'snap-2', Encrypted: false, OwnerId: '111111111111' }], NextToken: 't' })
      .resolvesOnce({ Snapshots: [{ SnapshotId: 'snap-3', Encrypted: true, OwnerId: '111111111111' }] });
    const slice = await ec2Collector.collect(testCollectorContext().ctx);
    expect(slice.ownedSnapshots).toEqual({ ok: true, value: { total: 3, unencrypted: 1 } });
    expect(ec2.commandCalls(DescribeSnapshotsCommand)[0]?.args[0].input).toMatchObject({ OwnerIds: ['self'] });
  });
});

describe('ec2Collector prefix lists', () => {
  beforeEach(() => ec2.reset());

  // Shaped like the EC2 API reference answers of DescribeManagedPrefixLists / GetManagedPrefixListEntries.
  function prefixLists(): void {
    ec2.on(DescribeManagedPrefixListsCommand).resolves({
      PrefixLists: [
        { PrefixListId: 'pl-1', AddressFamily: 'IPv4', State: 'create-complete', PrefixListArn: 'arn:aws:ec2:us-east-1:111111111111:prefix-list/pl-1', PrefixListName: 'corp', MaxEntries: 10, Version: 3, OwnerId: '111111111111' },
        { PrefixListId: 'pl-63a5400a', AddressFamily: 'IPv4', State: 'create-complete', PrefixListName: 'com.amazonaws.us-east-1.s3', OwnerId: 'AWS' },
      ],
    });
    ec2
      .on(GetManagedPrefixListEntriesCommand, { PrefixListId: 'pl-1' })
      .resolvesOnce({ Entries: [{ Cidr: '198.51.100.0/24', Description: 'office' }], NextToken: 'page-2' })
      .resolvesOnce({ Entries: [{ Cidr: '0.0.0.0/1', Description: 'oops' }] });
  }

  it('reads the entries (every page) of the prefix lists that inbound rules reference, and only those', async () => {
    happyPath();
    prefixLists();
    const { ctx } = testCollectorContext();
    const slice = await ec2Collector.collect(ctx);
    expect(slice.prefixLists).toEqual({
      ok: true,
      value: [{ prefixListId: 'pl-1', name: 'corp', ownerId: '111111111111', entries: { ok: true, value: ['198.51.100.0/24', '0.0.0.0/1'] } }],
    });
    expect(ec2.commandCalls(GetManagedPrefixListEntriesCommand).map((c) => c.args[0].input.PrefixListId)).toEqual(['pl-1', 'pl-1']);
  });

  it('makes no prefix-list call when no rule references one', async () => {
    happyPath();
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [{ GroupId: 'sg-1', GroupName: 'a', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }] }] });
    const { ctx } = testCollectorContext();
    const slice = await ec2Collector.collect(ctx);
    expect(slice.prefixLists).toEqual({ ok: true, value: [] });
    expect(ec2.commandCalls(DescribeManagedPrefixListsCommand)).toHaveLength(0);
  });

  it('keeps a denied entries read as an error value, and a deleted list as null', async () => {
    happyPath();
    ec2.on(DescribeManagedPrefixListsCommand).rejects(awsError('UnauthorizedOperation'));
    ec2.on(GetManagedPrefixListEntriesCommand).rejects(awsError('UnauthorizedOperation'));
    const denied = await ec2Collector.collect(testCollectorContext().ctx);
    expect(denied.prefixLists).toMatchObject({ ok: true, value: [{ prefixListId: 'pl-1', name: null, entries: { ok: false, error: { kind: 'access_denied' } } }] });

    ec2.on(DescribeManagedPrefixListsCommand).resolves({ PrefixLists: [] });
    ec2.on(GetManagedPrefixListEntriesCommand).rejects(awsError('InvalidPrefixListID.NotFound'));
    const gone = await ec2Collector.collect(testCollectorContext().ctx);
    expect(gone.prefixLists).toMatchObject({ ok: true, value: [{ prefixListId: 'pl-1', entries: { ok: true, value: null } }] });
  });
});

describe('scanUserData', () => {
  it('scans gzip-compressed user data after decompressing it', async () => {
    const gz = gzipSync(Buffer.from(`#cloud-config\npassword: ${FAKE_PASSWORD}\n`)).toString('base64');
    const scan = await scanUserData(gz);
    expect(scan.gzip).toBe(true);
    expect(scan.secretFindings.map((f) => f.kind)).toEqual(['password-assignment']);
    expect(JSON.stringify(scan)).not.toContain(FAKE_PASSWORD);
  });

  it('finds nothing in an ordinary script', async () => {
    expect((await scanUserData(userData('#!/bin/bash\nyum install -y httpd\n'))).secretFindings).toEqual([]);
  });
});
