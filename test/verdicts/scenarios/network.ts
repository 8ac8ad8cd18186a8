/** FTR NETSEC-001/002 and competency 1.16 (security groups, network ACLs, public subnets) and 3.1 (deployments). */
import { observed } from '../../../src/core/observed.js';
import type { RdsInstance } from '../../../src/core/slices/rds.js';
import { aPrefixList, aRule, aSecurityGroup, anInstance } from '../../helpers/network-fixtures.js';
import { accountWith, deniedRead, deny, regional } from '../mutations.js';
import { COMP, FTR, type Scenario } from '../scenario.js';
import { ec2, withSecurityGroup } from '../fixtures.js';
import { HOME, WORKLOAD } from '../well-run-account.js';
import { standard } from './standard.js';

const openTo = (port: number, ranges: { ipv4Ranges?: string[]; ipv6Ranges?: string[]; prefixListIds?: string[] }) =>
  withSecurityGroup(aSecurityGroup({ groupId: 'sg-ops', groupName: 'ops', vpcId: 'vpc-0a1b2c3d', ingress: [aRule({ fromPort: port, toPort: port, ...ranges })] }));
const sshFromAnywhere = openTo(22, { ipv4Ranges: ['0.0.0.0/0'] });
/** Issue 7 §2.7: wide public ranges other than exactly 0.0.0.0/0. */
const sshFromHalfTheInternet = withSecurityGroup(aSecurityGroup({ groupId: 'sg-ops', groupName: 'ops', vpcId: 'vpc-0a1b2c3d', ingress: [aRule({ fromPort: 22, toPort: 22, ipv4Ranges: ['0.0.0.0/1', '128.0.0.0/2'] })] }));
const rdpFromIpv6Unicast = openTo(3389, { ipv6Ranges: ['2000::/3'] });
/** Issue 7 §2.7: a customer-managed prefix list that contains the whole internet. */
const sshFromPrefixList = [
  ec2((s) => ({ ...s, prefixLists: observed([aPrefixList('pl-0wide', 'partners', observed(['203.0.113.0/24', '0.0.0.0/0']))]) })),
  openTo(22, { prefixListIds: ['pl-0wide'] }),
];
const prefixListUnreadable = [ec2((s) => ({ ...s, prefixLists: observed([aPrefixList('pl-0wide', 'partners', deniedRead('ec2', 'GetManagedPrefixListEntries', WORKLOAD))]) })), openTo(22, { prefixListIds: ['pl-0wide'] })];
const allPortsOpen = withSecurityGroup(aSecurityGroup({ groupId: 'sg-all', groupName: 'legacy', vpcId: 'vpc-0a1b2c3d', ingress: [aRule({ protocol: '-1', fromPort: null, toPort: null, ipv4Ranges: ['0.0.0.0/0'] })] }));
const defaultGroupAllowsTraffic = ec2(
  (s) => ({ ...s, securityGroups: observed((s.securityGroups.ok ? s.securityGroups.value : []).map((g) => (g.isDefault ? { ...g, ingress: [aRule({ protocol: '-1', fromPort: null, toPort: null, referencedGroupIds: [g.groupId] })] } : g))) }),
  [WORKLOAD, HOME],
);
/** The AWS documentation's NACL example: inbound ephemeral ports 1024-65535 from anywhere, for return traffic. */
const naclEphemeralFrom1024 = ec2((s) => ({
  ...s,
  networkAcls: observed((s.networkAcls.ok ? s.networkAcls.value : []).map((n) => ({ ...n, entries: n.entries.map((e) => (e.ruleNumber === 110 ? { ...e, portRange: { from: 1024, to: 65535 } } : e)) }))),
}));
const securityGroupsDenied = ec2((s) => ({ ...s, securityGroups: deniedRead('ec2', 'DescribeSecurityGroups', WORKLOAD) }));
const regionsUnlisted = accountWith((a) => ({ ...a, regions: deniedRead('ec2', 'DescribeRegions'), regional: a.regional.filter((r) => r.region === HOME) }));
const publicInstance = ec2((s) => ({
  ...s,
  instances: observed([...(s.instances.ok ? s.instances.value : []), anInstance({ instanceId: 'i-0bastion', name: 'bastion', subnetId: 'subnet-pub-a', vpcId: 'vpc-0a1b2c3d', publicIpAddress: '198.51.100.7', securityGroupIds: ['sg-alb'] })]),
}));
const rds = (fn: (i: RdsInstance) => RdsInstance) => regional('rds', (r) => ({ ...r, instances: observed((r.instances.ok ? r.instances.value : []).map(fn)) }), [WORKLOAD]);
const publicDatabase = rds((i) => ({ ...i, publiclyAccessible: true }));
const emptyDefaultSubnetAssignsPublicIps = ec2((s) => ({ ...s, subnets: observed([...(s.subnets.ok ? s.subnets.value : []), { subnetId: 'subnet-default-c', vpcId: 'vpc-default', name: null, cidrBlock: '172.31.32.0/20', availabilityZone: `${WORKLOAD}c`, mapPublicIpOnLaunch: true, defaultForAz: true }]) }));

export const scenarios: Scenario[] = [
  ...standard(FTR, 'NETSEC-001'),
  { framework: FTR, item: 'NETSEC-001', kind: 'not-met', name: 'SSH open to 0.0.0.0/0', mutations: [sshFromAnywhere], reason: 'ec2_securitygroup_no_admin_ports_open_to_internet' },
  { framework: FTR, item: 'NETSEC-001', kind: 'not-met', name: 'issue 7 §2.7: SSH open to 0.0.0.0/1 and 128.0.0.0/2', mutations: [sshFromHalfTheInternet], reason: 'ec2_securitygroup_no_admin_ports_open_to_internet' },
  { framework: FTR, item: 'NETSEC-001', kind: 'not-met', name: 'issue 7 §2.7: RDP open to 2000::/3 (all global unicast IPv6)', mutations: [rdpFromIpv6Unicast] },
  { framework: FTR, item: 'NETSEC-001', kind: 'not-met', name: 'issue 7 §2.7: SSH open to a customer-managed prefix list holding 0.0.0.0/0', mutations: sshFromPrefixList, reason: 'ec2_securitygroup_no_admin_ports_open_to_internet' },
  { framework: FTR, item: 'NETSEC-001', kind: 'not-met', name: 'all ports open to the internet', mutations: [allPortsOpen], reason: 'ec2_securitygroup_no_all_ports_open_to_internet' },
  { framework: FTR, item: 'NETSEC-001', kind: 'not-met', name: 'the default security group allows traffic', mutations: [defaultGroupAllowsTraffic], reason: 'ec2_securitygroup_default_restrict_traffic' },
  { framework: FTR, item: 'NETSEC-001', kind: 'not-met', name: 'a network ACL allowing 1024-65535 from anywhere (covers 3389)', mutations: [naclEphemeralFrom1024], reason: 'ec2_networkacl_no_admin_ports_open_to_internet' },
  { framework: FTR, item: 'NETSEC-001', kind: 'unknown', name: 'DescribeSecurityGroups denied', mutations: [securityGroupsDenied] },
  { framework: FTR, item: 'NETSEC-001', kind: 'unknown', name: 'SSH open to a prefix list whose entries could not be read', mutations: prefixListUnreadable },
  { framework: FTR, item: 'NETSEC-001', kind: 'unknown', name: 'issue 7 §2.2: ec2:DescribeRegions failed: regions that could not be listed are UNKNOWN, not MET from one region', mutations: [regionsUnlisted], reason: 'could not be listed' },
  { framework: FTR, item: 'NETSEC-001', kind: 'met', name: 'HTTPS open to the internet on the load balancer only', mutations: [openTo(443, { ipv4Ranges: ['0.0.0.0/0'] })] },

  ...standard(FTR, 'NETSEC-002'),
  { framework: FTR, item: 'NETSEC-002', kind: 'alternative', name: 'a publicly accessible database that partners reach directly (justified, attested)', mutations: [publicDatabase] },
  { framework: FTR, item: 'NETSEC-002', kind: 'needs-evidence', attest: null, name: 'a bastion with a public IP in a public subnet, nothing attested', mutations: [publicInstance], reason: 'ec2_instance_public_exposure_reviewed' },
  { framework: FTR, item: 'NETSEC-002', kind: 'met', name: 'an empty default subnet that would assign public IPs exposes nothing (advisory only)', mutations: [emptyDefaultSubnetAssignsPublicIps] },
  { framework: FTR, item: 'NETSEC-002', kind: 'unseen', name: 'EC2 and RDS could not be read', mutations: [deny.regional('ec2', 'DescribeInstances'), deny.regional('rds', 'DescribeDBInstances')], attest: null },

  ...standard(COMP, '1.16'),
  { framework: COMP, item: '1.16', kind: 'not-met', name: 'issue 7 §2.7: SSH open to 0.0.0.0/1 and 128.0.0.0/2', mutations: [sshFromHalfTheInternet] },
  { framework: COMP, item: '1.16', kind: 'not-met', name: 'issue 7 §2.7: SSH open through a prefix list holding 0.0.0.0/0', mutations: sshFromPrefixList },
  { framework: COMP, item: '1.16', kind: 'unknown', name: 'DescribeSecurityGroups denied', mutations: [securityGroupsDenied] },

  ...standard(COMP, '3.1'),
  { framework: COMP, item: '3.1', kind: 'met', name: 'deployments through GitHub Actions, no CodePipeline (attested); SSH open stays advisory here', mutations: [regional('codepipeline', () => ({ pipelines: observed([]) })), sshFromAnywhere] },
  { framework: COMP, item: '3.1', kind: 'unseen', name: 'ListPipelines denied', mutations: [deny.regional('codepipeline', 'ListPipelines')], attest: null },
];
