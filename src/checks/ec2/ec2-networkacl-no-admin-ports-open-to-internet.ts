import { defineCheck, fail, forEachRegion, notApplicable, pass, regionRef, seen } from '../../core/check.js';
import type { CheckOutcome } from '../../core/finding.js';
import { describePublicCount, isInternetWide } from './internet-ranges.js';
import { ADMIN_PORTS, ec2Ref, naclExposure } from './network-rules.js';

/**
 * NETSEC-001 (second layer): no subnet's network ACL lets SSH or RDP in from the internet. Entries are
 * evaluated in rule-number order over the public address space, so a narrow DENY does not hide a wide
 * ALLOW and a wide ALLOW other than 0.0.0.0/0 (0.0.0.0/1, 128.0.0.0/2) is seen; "the internet" has the same
 * meaning as for security groups (internet-ranges.ts).
 */
export const ec2NetworkaclNoAdminPortsOpenToInternet = defineCheck({
  id: 'ec2_networkacl_no_admin_ports_open_to_internet',
  title: 'Network ACLs do not allow SSH (22) or RDP (3389) from the internet',
  service: 'ec2',
  resourceType: 'AWS::EC2::NetworkAcl',
  severity: 'medium',
  reads: ['ec2:DescribeNetworkAcls'],
  remediation: {
    summary:
      'Add an inbound DENY entry for TCP 22 and 3389 from 0.0.0.0/0 (and ::/0) with a rule number lower than the ALLOW entry that currently admits them, or narrow that ALLOW entry (any ALLOW that leaves an IPv4 /8 or IPv6 /16 worth of public addresses reaching the port counts as open to the internet). Network ACLs are a second layer behind security groups.',
    console: 'VPC console > Network ACLs > select the ACL > Inbound rules > Edit inbound rules > add a deny rule numbered before the allow-all rule.',
    cli: [
      'aws ec2 create-network-acl-entry --network-acl-id <acl-id> --ingress --rule-number 50 --protocol tcp --port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action deny',
      'aws ec2 create-network-acl-entry --network-acl-id <acl-id> --ingress --rule-number 51 --protocol tcp --port-range From=3389,To=3389 --cidr-block 0.0.0.0/0 --rule-action deny',
    ].join('\n'),
    docs: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
  },
  evaluate: (snapshot) =>
    forEachRegion(snapshot, 'ec2', (ec2, account, { region }) => {
      const out: CheckOutcome[] = [];
      const acls = seen(ec2.networkAcls, regionRef(account.accountId, region), out);
      if (!acls) return out;
      for (const acl of acls.value) {
        const ref = ec2Ref(snapshot, account.accountId, region, 'AWS::EC2::NetworkAcl', 'network-acl', acl.networkAclId);
        const evidence = { vpcId: acl.vpcId, isDefault: acl.isDefault, subnetIds: acl.subnetIds };
        if (acl.subnetIds.length === 0) {
          out.push(notApplicable(ref, `Network ACL ${acl.networkAclId} is not associated with any subnet.`, evidence));
          continue;
        }
        const open = ADMIN_PORTS.flatMap(({ port, name }) =>
          (['ipv4', 'ipv6'] as const).flatMap((family) => {
            const exposure = naclExposure(acl, port, family);
            if (!isInternetWide(exposure.allowed)) return [];
            return exposure.allowingRules.map((r) => ({ port, name, source: r.cidr, ruleNumber: r.ruleNumber, publicAddresses: describePublicCount(exposure.allowed) }));
          }),
        );
        if (open.length === 0) {
          out.push(pass(ref, `Network ACL ${acl.networkAclId} does not allow SSH or RDP from the internet.`, evidence));
        } else {
          const what = open.map((o) => `${o.name} (${o.port}) from ${o.source} by rule ${o.ruleNumber}`).join('; ');
          out.push(
            fail(ref, `Network ACL ${acl.networkAclId} (${acl.subnetIds.length} subnet(s)) allows ${what}.`, { ...evidence, openEntries: open }),
          );
        }
      }
      return out;
    }),
});
