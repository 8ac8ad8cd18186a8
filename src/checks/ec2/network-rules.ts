/**
 * Pure helpers shared by the EC2/VPC checks: ARNs, "open to the internet" rule matching, network ACL
 * evaluation and public-subnet classification from route tables.
 */
import { forEachRegion, regionRef, seen } from '../../core/check.js';
import type { CheckOutcome, ResourceRef } from '../../core/finding.js';
import type { NetworkAcl, RouteTable, SecurityGroup, SecurityGroupRule, Subnet } from '../../core/slices/ec2.js';
import type { Snapshot } from '../../core/snapshot.js';

export const INTERNET_V4 = '0.0.0.0/0';
export const INTERNET_V6 = '::/0';
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

/** The internet-wide sources of a rule (0.0.0.0/0, ::/0). */
export function internetSources(rule: SecurityGroupRule): string[] {
  return [...rule.ipv4Ranges.filter((c) => c === INTERNET_V4), ...rule.ipv6Ranges.filter((c) => c === INTERNET_V6)];
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

/** One open rule as evidence: `{ ports: 'tcp 22', sources: ['0.0.0.0/0'] }`. */
export function ruleEvidence(rule: SecurityGroupRule): { ports: string; sources: string[] } {
  return { ports: describePorts(rule), sources: internetSources(rule) };
}

/**
 * Evaluates a network ACL's inbound rules, in rule-number order, for TCP traffic from the whole internet
 * to `port`. Entries for narrower CIDRs do not decide internet-wide traffic and are skipped.
 * Returns the deciding entry's rule number when traffic is allowed, or null when it is denied.
 */
export function naclAllowsFromInternet(acl: NetworkAcl, port: number, family: 'ipv4' | 'ipv6'): number | null {
  const inbound = acl.entries.filter((e) => !e.egress).sort((a, b) => a.ruleNumber - b.ruleNumber);
  for (const e of inbound) {
    const cidr = family === 'ipv4' ? e.cidrBlock : e.ipv6CidrBlock;
    if (cidr !== (family === 'ipv4' ? INTERNET_V4 : INTERNET_V6)) continue;
    const p = normalizeProtocol(e.protocol);
    if (p !== 'all' && p !== 'tcp') continue;
    if (p === 'tcp' && e.portRange && !(e.portRange.from <= port && port <= e.portRange.to)) continue;
    return e.action === 'allow' ? e.ruleNumber : null;
  }
  return null;
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
    for (const sg of groups.value.filter(include)) {
      const ref = ec2Ref(snapshot, account.accountId, region, 'AWS::EC2::SecurityGroup', 'security-group', sg.groupId);
      out.push(rule({ sg, ref, attached: attached ? attached.has(sg.groupId) : null }));
    }
    return out;
  });
}
