/**
 * Pure helpers shared by the EC2/VPC checks: ARNs, "open to the internet" rule matching (what counts as the
 * internet is decided once, in internet-ranges.ts, for security groups and network ACLs alike), network ACL
 * evaluation and public-subnet classification from route tables.
 */
import { forEachRegion, regionRef, seen } from '../../core/check.js';
import type { CheckOutcome, ResourceRef } from '../../core/finding.js';
import type { CollectionError } from '../../core/observed.js';
import type { Ec2Slice, NetworkAcl, RouteTable, SecurityGroup, SecurityGroupRule, Subnet } from '../../core/slices/ec2.js';
import type { Snapshot } from '../../core/snapshot.js';
import {
  cidrFamily,
  describePublicCount,
  holdsPublicAddresses,
  intersectCidr,
  isInternetWide,
  publicAddressCount,
  PUBLIC_SPACE,
  subtractCidr,
  type AddressFamily,
  type PublicAddressCount,
} from './internet-ranges.js';

/** Remote administration ports: SSH and RDP (CIS 5.2/5.3, FTR NETSEC-001). */
export const ADMIN_PORTS: readonly { readonly port: number; readonly name: string }[] = [
  { port: 22, name: 'SSH' },
  { port: 3389, name: 'RDP' },
];

export function ec2Ref(
  snapshot: Snapshot,
  accountId: string,
  region: string,
  resourceType: string,
  arnType: string,
  id: string,
): ResourceRef {
  return {
    accountId,
    region,
    resourceType,
    resourceId: id,
    resourceArn: `arn:${snapshot.partition}:ec2:${region}:${accountId}:${arnType}/${id}`,
  };
}

type Protocol = 'all' | 'tcp' | 'udp' | 'other';

export function normalizeProtocol(protocol: string): Protocol {
  const p = protocol.toLowerCase();
  if (p === '-1' || p === 'all') return 'all';
  if (p === 'tcp' || p === '6') return 'tcp';
  if (p === 'udp' || p === '17') return 'udp';
  return 'other';
}

/** How the prefix lists referenced by rules resolve to CIDRs in one region. */
export interface PrefixListLookup {
  /** The CIDRs of a list; null when the list does not exist; a reason when they could not be read. */
  resolve(prefixListId: string): { readonly cidrs: readonly string[] | null; readonly name: string | null } | { readonly unreadable: CollectionError | string };
}

/** Builds the lookup from the region's slice (absent in snapshots older than prefix-list collection). */
export function prefixListLookup(ec2: Ec2Slice): PrefixListLookup {
  const lists = ec2.prefixLists;
  const byId = lists?.ok ? new Map(lists.value.map((pl) => [pl.prefixListId, pl])) : null;
  return {
    resolve(prefixListId) {
      if (!lists) return { unreadable: `Prefix list ${prefixListId} was not collected (the snapshot predates prefix-list collection); rescan to judge rules that use it.` };
      if (!lists.ok) return { unreadable: lists.error };
      const pl = byId?.get(prefixListId);
      if (!pl) return { unreadable: `Prefix list ${prefixListId} is referenced by a rule but was not collected.` };
      if (!pl.entries.ok) return { unreadable: pl.entries.error };
      return { cidrs: pl.entries.value, name: pl.name };
    },
  };
}

/** Whether a set of inbound rules admits the internet (see internet-ranges.ts for what that means). */
export type Exposure =
  | { readonly state: 'open'; readonly sources: readonly string[]; readonly publicAddresses: string }
  | { readonly state: 'closed' }
  | { readonly state: 'unknown'; readonly reason: CollectionError | string; readonly sources: readonly string[] };

/**
 * The internet exposure of the rules that `applies` keeps: the union of their CIDR sources and the CIDRs of
 * the prefix lists they reference. Open when that union holds an internet's worth of public space; unknown
 * when it does not but a referenced prefix list could not be read.
 */
export function rulesExposure(rules: readonly SecurityGroupRule[], prefixLists: PrefixListLookup, applies: (rule: SecurityGroupRule) => boolean = () => true): Exposure {
  const cidrs: string[] = [];
  // Sources that hold public addresses, as a person would name them: a CIDR or "pl-123 (name)".
  const sources = new Set<string>();
  let unreadable: CollectionError | string | null = null;
  for (const rule of rules.filter(applies)) {
    for (const c of [...rule.ipv4Ranges, ...rule.ipv6Ranges]) {
      cidrs.push(c);
      if (holdsPublicAddresses(c)) sources.add(c);
    }
    for (const id of rule.prefixListIds) {
      const resolved = prefixLists.resolve(id);
      if ('unreadable' in resolved) {
        unreadable ??= resolved.unreadable;
        continue;
      }
      const entries = resolved.cidrs ?? [];
      cidrs.push(...entries);
      if (entries.some(holdsPublicAddresses)) sources.add(resolved.name ? `${id} (${resolved.name})` : id);
    }
  }
  const count = publicAddressCount(cidrs);
  if (isInternetWide(count)) return { state: 'open', sources: [...sources], publicAddresses: describePublicCount(count) };
  if (unreadable !== null) return { state: 'unknown', reason: unreadable, sources: [...sources] };
  return { state: 'closed' };
}

function portsCover(from: number | null, to: number | null, port: number): boolean {
  if (from === null || to === null) return true;
  // A TCP rule from -1 to -1 means every port.
  if (from === -1 && to === -1) return true;
  return from <= port && port <= to;
}

/** Whether a security group rule lets TCP traffic reach `port` (all-protocol rules and port ranges included). */
export function ruleCoversTcpPort(rule: SecurityGroupRule, port: number): boolean {
  const p = normalizeProtocol(rule.protocol);
  if (p === 'all') return true;
  return p === 'tcp' && portsCover(rule.fromPort, rule.toPort, port);
}

/** Whether a rule opens every port: all protocols, or TCP/UDP 0-65535. */
export function ruleOpensAllPorts(rule: SecurityGroupRule): boolean {
  const p = normalizeProtocol(rule.protocol);
  if (p === 'all') return true;
  if (p !== 'tcp' && p !== 'udp') return false;
  if (rule.fromPort === null || rule.toPort === null) return true;
  if (rule.fromPort === -1 && rule.toPort === -1) return true;
  return rule.fromPort <= 1 && rule.toPort >= 65535;
}

/** `tcp 22`, `tcp 0-65535`, `all traffic`: for messages and evidence. */
export function describePorts(rule: SecurityGroupRule): string {
  const p = normalizeProtocol(rule.protocol);
  if (p === 'all') return 'all traffic';
  const name = p === 'other' ? `protocol ${rule.protocol}` : p;
  if (rule.fromPort === null || rule.toPort === null || (rule.fromPort === -1 && rule.toPort === -1)) return `${name} all ports`;
  return rule.fromPort === rule.toPort ? `${name} ${rule.fromPort}` : `${name} ${rule.fromPort}-${rule.toPort}`;
}

/** The sources of a rule as written: CIDRs, prefix lists and security groups. */
export function ruleSources(rule: SecurityGroupRule): string[] {
  return [...rule.ipv4Ranges, ...rule.ipv6Ranges, ...rule.prefixListIds, ...rule.referencedGroupIds];
}

export interface NaclExposure {
  /** Public addresses of the family whose TCP traffic to the port the ACL allows. */
  readonly allowed: PublicAddressCount;
  /** Allow entries that admit public addresses, in evaluation order. */
  readonly allowingRules: readonly { readonly ruleNumber: number; readonly cidr: string }[];
}

/**
 * Evaluates a network ACL's inbound entries as AWS does (lowest rule number first, the first entry that
 * matches a packet decides) for TCP traffic from every public address of `family` to `port`: each entry
 * decides the part of the still-undecided public space its CIDR covers. Returns what ends up allowed.
 */
export function naclExposure(acl: NetworkAcl, port: number, family: AddressFamily): NaclExposure {
  const inbound = acl.entries.filter((e) => !e.egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
  let undecided: string[] = [...PUBLIC_SPACE[family]];
  const allowed: string[] = [];
  const allowingRules: { ruleNumber: number; cidr: string }[] = [];
  for (const e of inbound) {
    if (undecided.length === 0) break;
    const cidr = family === 'ipv4' ? e.cidrBlock : e.ipv6CidrBlock;
    if (cidr === null || cidrFamily(cidr) !== family) continue;
    const p = normalizeProtocol(e.protocol);
    if (p !== 'all' && p !== 'tcp') continue;
    if (p === 'tcp' && e.portRange && !(e.portRange.from <= port && port <= e.portRange.to)) continue;
    const decided = intersectCidr(undecided, [cidr]);
    if (decided.length === 0) continue;
    if (e.action === 'allow') {
      allowed.push(...decided);
      allowingRules.push({ ruleNumber: e.ruleNumber, cidr });
    }
    undecided = subtractCidr(undecided, [cidr]);
  }
  return { allowed: publicAddressCount(allowed), allowingRules };
}

export interface SubnetRouting {
  readonly routeTableId: string;
  /** Explicit association, or the VPC's main route table. */
  readonly association: 'explicit' | 'main';
  readonly internetGatewayRoutes: readonly string[];
  /** A route to an internet gateway makes the subnet public. */
  readonly public: boolean;
}

/** The route table that applies to each subnet, and whether that makes it public. */
export function subnetRouting(subnets: readonly Subnet[], routeTables: readonly RouteTable[]): Map<string, SubnetRouting> {
  const out = new Map<string, SubnetRouting>();
  const explicit = new Map<string, RouteTable>();
  const main = new Map<string, RouteTable>();
  for (const rt of routeTables) {
    for (const s of rt.subnetIds) explicit.set(s, rt);
    if (rt.isMain) main.set(rt.vpcId, rt);
  }
  for (const subnet of subnets) {
    const rt = explicit.get(subnet.subnetId) ?? main.get(subnet.vpcId);
    if (!rt) continue;
    out.set(subnet.subnetId, {
      routeTableId: rt.routeTableId,
      association: explicit.has(subnet.subnetId) ? 'explicit' : 'main',
      internetGatewayRoutes: rt.internetGatewayRoutes,
      public: rt.internetGatewayRoutes.length > 0,
    });
  }
  return out;
}

export interface SecurityGroupInRegion {
  readonly sg: SecurityGroup;
  readonly ref: ResourceRef;
  /** Attached to a network interface; null when the attachments could not be read. */
  readonly attached: boolean | null;
  /** The region's prefix lists, for rules that reference one. */
  readonly prefixLists: PrefixListLookup;
}

/**
 * One outcome per security group (those `include` keeps) of every scanned region; UNKNOWN for a region
 * whose security groups could not be read.
 */
export function forEachSecurityGroup(
  snapshot: Snapshot,
  rule: (group: SecurityGroupInRegion) => CheckOutcome,
  include: (sg: SecurityGroup) => boolean = () => true,
): CheckOutcome[] {
  return forEachRegion(snapshot, 'ec2', (ec2, account, { region }) => {
    const out: CheckOutcome[] = [];
    const groups = seen(ec2.securityGroups, regionRef(account.accountId, region), out);
    if (!groups) return out;
    const attached = ec2.attachedSecurityGroupIds.ok ? new Set(ec2.attachedSecurityGroupIds.value) : null;
    const prefixLists = prefixListLookup(ec2);
    for (const sg of groups.value.filter(include)) {
      const ref = ec2Ref(snapshot, account.accountId, region, 'AWS::EC2::SecurityGroup', 'security-group', sg.groupId);
      out.push(rule({ sg, ref, attached: attached ? attached.has(sg.groupId) : null, prefixLists }));
    }
    return out;
  });
}
