/**
 * Builders for the network/compute slices (ec2, elbv2, cloudfront, lambda, kms, secrets) in check tests:
 *   inRegion({ ec2: observed(anEc2Slice({ securityGroups: observed([aSecurityGroup({ ... })]) })) })
 */
import type { Observed } from '../../src/core/observed.js';
import type { GlobalSlices, RegionalSlices } from '../../src/core/slices/index.js';
import type { Ec2Slice, Instance, ManagedPrefixList, SecurityGroup, SecurityGroupRule, Subnet } from '../../src/core/slices/ec2.js';
import type { Snapshot } from '../../src/core/snapshot.js';
import { aRegion, aSnapshot, anAccount, observed } from './snapshot-builder.js';

export const REGION = 'eu-west-1';

/** A snapshot of one account (ACCOUNT_A) with one scanned region holding `slices`. */
export function inRegion(slices: RegionalSlices, global: GlobalSlices = {}): Snapshot {
  return aSnapshot({ accounts: [anAccount({ global, regional: [aRegion(REGION, slices)] })] });
}

export function aRule(overrides: Partial<SecurityGroupRule> = {}): SecurityGroupRule {
  return { protocol: 'tcp', fromPort: 443, toPort: 443, ipv4Ranges: [], ipv6Ranges: [], referencedGroupIds: [], prefixListIds: [], ...overrides };
}

export function aSecurityGroup(overrides: Partial<SecurityGroup> = {}): SecurityGroup {
  return { groupId: 'sg-1', groupName: 'web', vpcId: 'vpc-1', isDefault: false, ingress: [], egress: [], ...overrides };
}

/** A customer-managed prefix list (DescribeManagedPrefixLists + GetManagedPrefixListEntries). */
export function aPrefixList(prefixListId: string, name: string, entries: Observed<readonly string[] | null>): ManagedPrefixList {
  return { prefixListId, name, ownerId: '111111111111', entries };
}

export function anInstance(overrides: Partial<Instance> = {}): Instance {
  return {
    instanceId: 'i-1',
    name: 'app-1',
    state: 'running',
    vpcId: 'vpc-1',
    subnetId: 'subnet-1',
    publicIpAddress: null,
    privateIpAddress: '10.0.1.10',
    iamInstanceProfileArn: 'arn:aws:iam::111111111111:instance-profile/app',
    securityGroupIds: ['sg-1'],
    tags: { Name: 'app-1' },
    launchTime: '2026-01-01T00:00:00.000Z',
    userData: observed(null),
    ...overrides,
  };
}

export function aSubnet(overrides: Partial<Subnet> = {}): Subnet {
  return {
    subnetId: 'subnet-1',
    vpcId: 'vpc-1',
    name: null,
    cidrBlock: '10.0.1.0/24',
    availabilityZone: `${REGION}a`,
    mapPublicIpOnLaunch: false,
    defaultForAz: false,
    ...overrides,
  };
}

/** An EC2 slice where every read succeeded and found nothing, unless overridden. */
export function anEc2Slice(overrides: Partial<Ec2Slice> = {}): Ec2Slice {
  return {
    securityGroups: observed([]),
    attachedSecurityGroupIds: observed([]),
    networkAcls: observed([]),
    ebsEncryptionByDefault: observed(true),
    volumes: observed([]),
    instances: observed([]),
    subnets: observed([]),
    routeTables: observed([]),
    prefixLists: observed([]),
    ...overrides,
  };
}

export function ec2Region(overrides: Partial<Ec2Slice> | Observed<Ec2Slice>): Snapshot {
  const slice = 'ok' in overrides ? overrides : observed(anEc2Slice(overrides));
  return inRegion({ ec2: slice });
}
