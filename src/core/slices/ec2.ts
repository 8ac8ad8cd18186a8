/** Snapshot slice for EC2/VPC in one region: security groups, NACLs, EBS, instances, subnets and routes. */
import type { Observed } from '../observed.js';
import type { SecretFinding } from './secrets.js';

/** One security group permission (IpPermissions entry), flattened to what checks read. */
export interface SecurityGroupRule {
  /** As AWS returns it: `-1` (all), `tcp`, `udp`, `icmp`, `icmpv6` or a protocol number (`6`). */
  readonly protocol: string;
  /** Null when the protocol has no ports (`-1`, icmp with all types). */
  readonly fromPort: number | null;
  readonly toPort: number | null;
  readonly ipv4Ranges: readonly string[];
  readonly ipv6Ranges: readonly string[];
  /** Security groups referenced as source/destination. */
  readonly referencedGroupIds: readonly string[];
  readonly prefixListIds: readonly string[];
}

export interface SecurityGroup {
  readonly groupId: string;
  readonly groupName: string;
  readonly vpcId: string | null;
  /** The VPC's `default` security group (cannot be deleted; EC2.2 wants it empty). */
  readonly isDefault: boolean;
  readonly ingress: readonly SecurityGroupRule[];
  readonly egress: readonly SecurityGroupRule[];
}

export interface NetworkAclEntry {
  readonly ruleNumber: number;
  readonly egress: boolean;
  /** `-1` (all), `6` (tcp), `17` (udp), ... */
  readonly protocol: string;
  readonly action: 'allow' | 'deny';
  readonly cidrBlock: string | null;
  readonly ipv6CidrBlock: string | null;
  /** Null when the entry covers every port. */
  readonly portRange: { readonly from: number; readonly to: number } | null;
}

export interface NetworkAcl {
  readonly networkAclId: string;
  readonly vpcId: string | null;
  readonly isDefault: boolean;
  readonly subnetIds: readonly string[];
  readonly entries: readonly NetworkAclEntry[];
}

export interface Volume {
  readonly volumeId: string;
  readonly name: string | null;
  readonly encrypted: boolean;
  readonly kmsKeyId: string | null;
  readonly state: string;
  readonly sizeGiB: number | null;
  readonly attachedInstanceIds: readonly string[];
}

/** What the user data scan found; the user data itself is never stored. */
export interface UserDataScan {
  /** Decoded size in bytes. */
  readonly bytes: number;
  /** True when the user data was gzip-compressed (scanned after decompression). */
  readonly gzip: boolean;
  readonly secretFindings: readonly SecretFinding[];
}

/** A non-terminated instance (terminated and shutting-down instances are left out). */
export interface Instance {
  readonly instanceId: string;
  readonly name: string | null;
  /** pending | running | stopping | stopped */
  readonly state: string;
  readonly vpcId: string | null;
  readonly subnetId: string | null;
  readonly publicIpAddress: string | null;
  readonly privateIpAddress: string | null;
  /** Instance profile ARN; null when no role is attached. */
  readonly iamInstanceProfileArn: string | null;
  readonly securityGroupIds: readonly string[];
  readonly tags: Readonly<Record<string, string>>;
  readonly launchTime: string | null;
  /** ec2:DescribeInstanceAttribute userData; null value = the instance has no user data. */
  readonly userData: Observed<UserDataScan | null>;
}

/** The $Latest and $Default versions of a launch template, with a secret scan of their user data. */
export interface LaunchTemplateVersion {
  readonly launchTemplateId: string;
  readonly launchTemplateName: string;
  readonly versionNumber: number;
  readonly isDefault: boolean;
  /** Null when the version has no user data. */
  readonly userData: UserDataScan | null;
}

export interface Subnet {
  readonly subnetId: string;
  readonly vpcId: string;
  readonly name: string | null;
  readonly cidrBlock: string | null;
  readonly availabilityZone: string | null;
  readonly mapPublicIpOnLaunch: boolean;
  /** A default subnet of the default VPC. */
  readonly defaultForAz: boolean;
}

export interface RouteTable {
  readonly routeTableId: string;
  readonly vpcId: string;
  /** The VPC's main route table: it applies to every subnet without an explicit association. */
  readonly isMain: boolean;
  /** Subnets explicitly associated with this table. */
  readonly subnetIds: readonly string[];
  /** Destinations (CIDR or prefix list) routed to an internet gateway (`igw-*`), active routes only. */
  readonly internetGatewayRoutes: readonly string[];
}

/** A managed prefix list referenced by a security group rule, with its CIDRs. */
export interface ManagedPrefixList {
  readonly prefixListId: string;
  /** Null when DescribeManagedPrefixLists did not list it. */
  readonly name: string | null;
  /** Owner account id, or `AWS` for AWS-managed lists. */
  readonly ownerId: string | null;
  /** ec2:GetManagedPrefixListEntries (every page); null value = the list does not exist (InvalidPrefixListID.NotFound). */
  readonly entries: Observed<readonly string[] | null>;
}

export interface Ec2Slice {
  readonly securityGroups: Observed<readonly SecurityGroup[]>;
  /** Security groups attached to at least one network interface (ec2:DescribeNetworkInterfaces). */
  readonly attachedSecurityGroupIds: Observed<readonly string[]>;
  readonly networkAcls: Observed<readonly NetworkAcl[]>;
  /** ec2:GetEbsEncryptionByDefault for this account and region. */
  readonly ebsEncryptionByDefault: Observed<boolean>;
  readonly volumes: Observed<readonly Volume[]>;
  readonly instances: Observed<readonly Instance[]>;
  /**
   * ec2:DescribeLaunchTemplateVersions for $Latest and $Default of every launch template (one paginated
   * call). Optional: snapshots written before launch templates were collected do not have it.
   */
  readonly launchTemplateVersions?: Observed<readonly LaunchTemplateVersion[]>;
  readonly subnets: Observed<readonly Subnet[]>;
  readonly routeTables: Observed<readonly RouteTable[]>;
  /**
   * The managed prefix lists that inbound security group rules reference (ec2:DescribeManagedPrefixLists for
   * names and owners, ec2:GetManagedPrefixListEntries for the CIDRs). Optional: snapshots written before
   * prefix lists were collected do not have it, and rules that reference one are then UNKNOWN.
   */
  readonly prefixLists?: Observed<readonly ManagedPrefixList[]>;
  /**
   * ec2:DescribeSnapshots OwnerIds=self: how many EBS snapshots the account owns in the region, and how many
   * are unencrypted. Optional: absent in snapshots written before it was collected.
   */
  readonly ownedSnapshots?: Observed<OwnedSnapshotCount>;
}

export interface OwnedSnapshotCount {
  readonly total: number;
  readonly unencrypted: number;
}
