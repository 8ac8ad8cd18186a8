/**
 * EC2/VPC collector (regional): security groups and their use, network ACLs, EBS default encryption and
 * volumes, instances (with a secret scan of their user data), subnets, route tables and the managed prefix
 * lists that security group rules reference.
 * Public snapshots/AMIs are never described (emulators pre-create thousands of them).
 */
import { gunzipSync } from 'node:zlib';
import {
  DescribeInstanceAttributeCommand,
  EC2Client,
  GetEbsEncryptionByDefaultCommand,
  paginateDescribeInstances,
  paginateDescribeLaunchTemplateVersions,
  paginateDescribeManagedPrefixLists,
  paginateDescribeNetworkAcls,
  paginateDescribeNetworkInterfaces,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSnapshots,
  paginateDescribeSubnets,
  paginateDescribeVolumes,
  paginateGetManagedPrefixListEntries,
  type Instance as SdkInstance,
  type IpPermission,
  type NetworkAcl as SdkNetworkAcl,
  type RouteTable as SdkRouteTable,
  type Tag,
} from '@aws-sdk/client-ec2';
import pLimit from 'p-limit';
import { observed, type Observed } from '../../../core/observed.js';
import type {
  Instance,
  LaunchTemplateVersion,
  ManagedPrefixList,
  NetworkAcl,
  OwnedSnapshotCount,
  RouteTable,
  SecurityGroup,
  SecurityGroupRule,
  Subnet,
  UserDataScan,
  Volume,
} from '../../../core/slices/ec2.js';
import { collectPages, defineRegionalCollector, type CollectorContext } from '../../collector.js';
import { detectSecretsInText } from '../../secret-detection.js';
import { notRead } from '../../region-signal.js';

const SERVICE = 'ec2';
/** Parallel DescribeInstanceAttribute calls per region. */
const USER_DATA_CONCURRENCY = 5;
/** Decompressed user data beyond this size is not scanned (AWS caps user data at 16 KB before encoding). */
const MAX_USER_DATA_BYTES = 1_000_000;
const INSTANCE_NOT_FOUND = ['InvalidInstanceID.NotFound'];
const PREFIX_LIST_NOT_FOUND = ['InvalidPrefixListID.NotFound'];
/** Parallel GetManagedPrefixListEntries calls per region. */
const PREFIX_LIST_CONCURRENCY = 5;
const SKIPPED_STATES = new Set(['terminated', 'shutting-down']);

function nameTag(tags: readonly Tag[] | undefined): string | null {
  return tags?.find((t) => t.Key === 'Name')?.Value ?? null;
}

function toRule(p: IpPermission): SecurityGroupRule {
  return {
    protocol: p.IpProtocol ?? '-1',
    fromPort: p.FromPort ?? null,
    toPort: p.ToPort ?? null,
    ipv4Ranges: (p.IpRanges ?? []).flatMap((r) => (r.CidrIp ? [r.CidrIp] : [])),
    ipv6Ranges: (p.Ipv6Ranges ?? []).flatMap((r) => (r.CidrIpv6 ? [r.CidrIpv6] : [])),
    referencedGroupIds: (p.UserIdGroupPairs ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
    prefixListIds: (p.PrefixListIds ?? []).flatMap((pl) => (pl.PrefixListId ? [pl.PrefixListId] : [])),
  };
}

function toNetworkAcl(acl: SdkNetworkAcl): NetworkAcl {
  return {
    networkAclId: acl.NetworkAclId ?? '',
    vpcId: acl.VpcId ?? null,
    isDefault: acl.IsDefault ?? false,
    subnetIds: (acl.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])),
    entries: (acl.Entries ?? []).map((e) => ({
      ruleNumber: e.RuleNumber ?? 0,
      egress: e.Egress ?? false,
      protocol: e.Protocol ?? '-1',
      action: e.RuleAction === 'allow' ? 'allow' : 'deny',
      cidrBlock: e.CidrBlock ?? null,
      ipv6CidrBlock: e.Ipv6CidrBlock ?? null,
      portRange: e.PortRange?.From !== undefined && e.PortRange.To !== undefined ? { from: e.PortRange.From, to: e.PortRange.To } : null,
    })),
  };
}

function toRouteTable(rt: SdkRouteTable): RouteTable {
  return {
    routeTableId: rt.RouteTableId ?? '',
    vpcId: rt.VpcId ?? '',
    isMain: (rt.Associations ?? []).some((a) => a.Main === true),
    subnetIds: (rt.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])),
    internetGatewayRoutes: (rt.Routes ?? [])
      .filter((r) => r.GatewayId?.startsWith('igw-') && r.State !== 'blackhole')
      .map((r) => r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId ?? 'unknown'),
  };
}

/** Decodes base64 user data (gunzipping it when needed) and keeps only the secret scan. */
export async function scanUserData(base64: string): Promise<UserDataScan> {
  let bytes = Buffer.from(base64, 'base64');
  const gzip = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (gzip) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_USER_DATA_BYTES });
    } catch {
      // Truncated or oversized archive: scan what we have, the compressed bytes carry no readable secret.
    }
  }
  return { bytes: bytes.length, gzip, secretFindings: await detectSecretsInText(bytes.toString('utf8'), 'userData') };
}

async function readUserData(ctx: CollectorContext, client: EC2Client, instanceId: string): Promise<Observed<UserDataScan | null>> {
  const result = await ctx.call(
    SERVICE,
    'DescribeInstanceAttribute',
    () => client.send(new DescribeInstanceAttributeCommand({ InstanceId: instanceId, Attribute: 'userData' })),
    { notFoundCodes: INSTANCE_NOT_FOUND },
  );
  if (!result.ok) return result;
  const value = result.value?.UserData?.Value;
  return observed(value ? await scanUserData(value) : null);
}

function toInstance(i: SdkInstance, userData: Observed<UserDataScan | null>): Instance {
  return {
    instanceId: i.InstanceId ?? '',
    name: nameTag(i.Tags),
    state: i.State?.Name ?? 'unknown',
    vpcId: i.VpcId ?? null,
    subnetId: i.SubnetId ?? null,
    publicIpAddress: i.PublicIpAddress ?? null,
    privateIpAddress: i.PrivateIpAddress ?? null,
    iamInstanceProfileArn: i.IamInstanceProfile?.Arn ?? null,
    securityGroupIds: (i.SecurityGroups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
    tags: Object.fromEntries((i.Tags ?? []).flatMap((t) => (t.Key ? [[t.Key, t.Value ?? '']] : []))),
    launchTime: i.LaunchTime ? i.LaunchTime.toISOString() : null,
    userData,
  };
}

async function collectInstances(ctx: CollectorContext, client: EC2Client): Promise<Observed<readonly Instance[]>> {
  const listed = await ctx.call(SERVICE, 'DescribeInstances', () =>
    collectPages(paginateDescribeInstances({ client }, {}), (p) => p.Reservations?.flatMap((r) => r.Instances ?? [])),
  );
  if (!listed.ok) return listed;
  const live = listed.value.filter((i) => i.InstanceId && !SKIPPED_STATES.has(i.State?.Name ?? ''));
  const limit = pLimit(USER_DATA_CONCURRENCY);
  const instances = await Promise.all(
    live.map((i) => limit(async () => toInstance(i, await readUserData(ctx, client, i.InstanceId ?? '')))),
  );
  return observed(instances);
}

/**
 * The prefix lists that inbound security group rules reference, with their CIDRs: a rule whose source is a
 * prefix list is open to whatever the list holds. Names and owners come from one DescribeManagedPrefixLists
 * (its failure only loses the names); entries are read per referenced list, every page.
 */
async function collectPrefixLists(ctx: CollectorContext, client: EC2Client, groups: Observed<readonly SecurityGroup[]>): Promise<Observed<readonly ManagedPrefixList[]>> {
  if (!groups.ok) return observed([]);
  const ids = [...new Set(groups.value.flatMap((g) => g.ingress.flatMap((r) => r.prefixListIds)))].sort();
  if (ids.length === 0) return observed([]);
  const described = await ctx.call(SERVICE, 'DescribeManagedPrefixLists', () =>
    collectPages(paginateDescribeManagedPrefixLists({ client }, {}), (p) => p.PrefixLists),
  );
  const meta = new Map((described.ok ? described.value : []).map((pl) => [pl.PrefixListId ?? '', pl]));
  const limit = pLimit(PREFIX_LIST_CONCURRENCY);
  const lists = await Promise.all(
    ids.map((id) =>
      limit(async (): Promise<ManagedPrefixList> => {
        const entries = await ctx.call(
          SERVICE,
          'GetManagedPrefixListEntries',
          async () =>
            (await collectPages(paginateGetManagedPrefixListEntries({ client }, { PrefixListId: id }), (p) => p.Entries)).flatMap((e) => (e.Cidr ? [e.Cidr] : [])),
          { notFoundCodes: PREFIX_LIST_NOT_FOUND },
        );
        return { prefixListId: id, name: meta.get(id)?.PrefixListName ?? null, ownerId: meta.get(id)?.OwnerId ?? null, entries };
      }),
    ),
  );
  return observed(lists);
}

export const ec2Collector = defineRegionalCollector({
  service: 'ec2',
  scope: 'regional',
  // docs/decisions/0012-region-signal.md: security groups, NACLs, subnets, routes, EBS default encryption and snapshots are posture
  regionalReads: 'posture+resources',
  configResourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::Volume', 'AWS::EC2::LaunchTemplate'],
  operations: [
    { operation: 'DescribeSecurityGroups', iamAction: 'ec2:DescribeSecurityGroups' },
    { operation: 'DescribeNetworkInterfaces', iamAction: 'ec2:DescribeNetworkInterfaces' },
    { operation: 'DescribeNetworkAcls', iamAction: 'ec2:DescribeNetworkAcls' },
    { operation: 'GetEbsEncryptionByDefault', iamAction: 'ec2:GetEbsEncryptionByDefault' },
    { operation: 'DescribeVolumes', iamAction: 'ec2:DescribeVolumes' },
    { operation: 'DescribeInstances', iamAction: 'ec2:DescribeInstances' },
    { operation: 'DescribeInstanceAttribute', iamAction: 'ec2:DescribeInstanceAttribute', notFoundCodes: INSTANCE_NOT_FOUND },
    { operation: 'DescribeLaunchTemplateVersions', iamAction: 'ec2:DescribeLaunchTemplateVersions' },
    { operation: 'DescribeSubnets', iamAction: 'ec2:DescribeSubnets' },
    { operation: 'DescribeRouteTables', iamAction: 'ec2:DescribeRouteTables' },
    { operation: 'DescribeSnapshots', iamAction: 'ec2:DescribeSnapshots' },
    { operation: 'DescribeManagedPrefixLists', iamAction: 'ec2:DescribeManagedPrefixLists' },
    { operation: 'GetManagedPrefixListEntries', iamAction: 'ec2:GetManagedPrefixListEntries', notFoundCodes: PREFIX_LIST_NOT_FOUND },
  ],
  async collect(ctx) {
    const client = ctx.client(EC2Client);
    // A posture-only region (collect/region-signal.ts): AWS Config counts no instance, volume or launch template.
    const read = ctx.regionRead;
    const resources = <T>(operation: string, fn: () => Promise<Observed<T>>): Promise<Observed<T>> =>
      read?.mode === 'posture-only' ? Promise.resolve(notRead<T>(ctx, SERVICE, operation, read)) : fn();

    const [securityGroups, attachedSecurityGroupIds, networkAcls, ebsDefault, volumes, subnets, routeTables, instances, launchTemplateVersions, ownedSnapshots] =
      await Promise.all([
        ctx.call(SERVICE, 'DescribeSecurityGroups', async (): Promise<readonly SecurityGroup[]> => {
          const groups = await collectPages(paginateDescribeSecurityGroups({ client }, {}), (p) => p.SecurityGroups);
          return groups.map((g) => ({
            groupId: g.GroupId ?? '',
            groupName: g.GroupName ?? '',
            vpcId: g.VpcId ?? null,
            isDefault: g.GroupName === 'default',
            ingress: (g.IpPermissions ?? []).map(toRule),
            egress: (g.IpPermissionsEgress ?? []).map(toRule),
          }));
        }),
        ctx.call(SERVICE, 'DescribeNetworkInterfaces', async (): Promise<readonly string[]> => {
          const enis = await collectPages(paginateDescribeNetworkInterfaces({ client }, {}), (p) => p.NetworkInterfaces);
          const ids = new Set(enis.flatMap((eni) => (eni.Groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : []))));
          return [...ids].sort();
        }),
        ctx.call(SERVICE, 'DescribeNetworkAcls', async (): Promise<readonly NetworkAcl[]> =>
          (await collectPages(paginateDescribeNetworkAcls({ client }, {}), (p) => p.NetworkAcls)).map(toNetworkAcl),
        ),
        ctx.call(SERVICE, 'GetEbsEncryptionByDefault', async () =>
          (await client.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault ?? false,
        ),
        resources('DescribeVolumes', () => ctx.call(SERVICE, 'DescribeVolumes', async (): Promise<readonly Volume[]> => {
          const vols = await collectPages(paginateDescribeVolumes({ client }, {}), (p) => p.Volumes);
          return vols.map((v) => ({
            volumeId: v.VolumeId ?? '',
            name: nameTag(v.Tags),
            encrypted: v.Encrypted ?? false,
            kmsKeyId: v.KmsKeyId ?? null,
            state: v.State ?? 'unknown',
            sizeGiB: v.Size ?? null,
            attachedInstanceIds: (v.Attachments ?? []).flatMap((a) => (a.InstanceId ? [a.InstanceId] : [])),
          }));
        })),
        ctx.call(SERVICE, 'DescribeSubnets', async (): Promise<readonly Subnet[]> => {
          const subs = await collectPages(paginateDescribeSubnets({ client }, {}), (p) => p.Subnets);
          return subs.map((s) => ({
            subnetId: s.SubnetId ?? '',
            vpcId: s.VpcId ?? '',
            name: nameTag(s.Tags),
            cidrBlock: s.CidrBlock ?? null,
            availabilityZone: s.AvailabilityZone ?? null,
            mapPublicIpOnLaunch: s.MapPublicIpOnLaunch ?? false,
            defaultForAz: s.DefaultForAz ?? false,
          }));
        }),
        ctx.call(SERVICE, 'DescribeRouteTables', async (): Promise<readonly RouteTable[]> =>
          (await collectPages(paginateDescribeRouteTables({ client }, {}), (p) => p.RouteTables)).map(toRouteTable),
        ),
        resources('DescribeInstances', () => collectInstances(ctx, client)),
        // Without a template id, $Latest/$Default return those versions of every template in one pagination.
        resources('DescribeLaunchTemplateVersions', () => ctx.call(SERVICE, 'DescribeLaunchTemplateVersions', async (): Promise<readonly LaunchTemplateVersion[]> => {
          const versions = await collectPages(
            paginateDescribeLaunchTemplateVersions({ client }, { Versions: ['$Latest', '$Default'] }),
            (p) => p.LaunchTemplateVersions,
          );
          // A template whose $Latest is its $Default comes back twice.
          const unique = [...new Map(versions.map((v) => [`${v.LaunchTemplateId ?? ''}#${String(v.VersionNumber ?? 0)}`, v])).values()];
          return Promise.all(
            unique.map(async (v) => ({
              launchTemplateId: v.LaunchTemplateId ?? '',
              launchTemplateName: v.LaunchTemplateName ?? '',
              versionNumber: v.VersionNumber ?? 0,
              isDefault: v.DefaultVersion ?? false,
              userData: v.LaunchTemplateData?.UserData ? await scanUserData(v.LaunchTemplateData.UserData) : null,
            })),
          );
        })),
        // Only the account's own snapshots (never the public ones: emulators pre-create thousands).
        ctx.call(SERVICE, 'DescribeSnapshots', async (): Promise<OwnedSnapshotCount> => {
          const snaps = await collectPages(paginateDescribeSnapshots({ client, pageSize: 1000 }, { OwnerIds: ['self'] }), (p) => p.Snapshots);
          return { total: snaps.length, unencrypted: snaps.filter((s) => s.Encrypted !== true).length };
        }),
      ]);

    const prefixLists = await collectPrefixLists(ctx, client, securityGroups);

    return {
      securityGroups,
      attachedSecurityGroupIds,
      networkAcls,
      ebsEncryptionByDefault: ebsDefault,
      volumes,
      instances,
      launchTemplateVersions,
      subnets,
      routeTables,
      prefixLists,
      ownedSnapshots,
    };
  },
});
