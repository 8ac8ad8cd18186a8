import { describe, expect, it } from 'vitest';
import type { NetworkAcl, NetworkAclEntry } from '../../core/slices/ec2.js';
import { ec2Region } from '../../../test/helpers/network-fixtures.js';
import { denied, observed } from '../../../test/helpers/snapshot-builder.js';
import { ec2NetworkaclNoAdminPortsOpenToInternet as check } from './ec2-networkacl-no-admin-ports-open-to-internet.js';

const entry = (o: Partial<NetworkAclEntry>): NetworkAclEntry => ({
  ruleNumber: 100, egress: false, protocol: '-1', action: 'allow', cidrBlock: '0.0.0.0/0', ipv6CidrBlock: null, portRange: null, ...o,
});
const denyAll = entry({ ruleNumber: 32767, action: 'deny' });
const acl = (entries: NetworkAclEntry[], subnetIds = ['subnet-1']): NetworkAcl => ({
  networkAclId: 'acl-1', vpcId: 'vpc-1', isDefault: false, subnetIds, entries,
});

describe('ec2_networkacl_no_admin_ports_open_to_internet', () => {
  it.each<[string, NetworkAcl, string]>([
    ['only the implicit deny', acl([denyAll]), 'PASS'],
    ['HTTPS only', acl([entry({ protocol: '6', portRange: { from: 443, to: 443 } }), denyAll]), 'PASS'],
    ['deny 22 and 3389 before allow all', acl([entry({ ruleNumber: 50, protocol: '6', action: 'deny', portRange: { from: 22, to: 22 } }), entry({ ruleNumber: 60, protocol: '6', action: 'deny', portRange: { from: 3389, to: 3389 } }), entry({}), denyAll]), 'PASS'],
    ['allow SSH from a private range only', acl([entry({ protocol: '6', cidrBlock: '10.0.0.0/8', portRange: { from: 22, to: 22 } }), denyAll]), 'PASS'],
    ['egress allow all does not count', acl([entry({ egress: true }), denyAll]), 'PASS'],
    ['default allow all (AWS default NACL)', acl([entry({}), denyAll]), 'FAIL'],
    ['allow all before a later deny of 22', acl([entry({}), entry({ ruleNumber: 200, protocol: '6', action: 'deny', portRange: { from: 22, to: 22 } }), denyAll]), 'FAIL'],
    ['allow TCP 1024-65535 covers RDP', acl([entry({ protocol: '6', portRange: { from: 1024, to: 65535 } }), denyAll]), 'FAIL'],
    ['IPv6 allow all', acl([entry({ cidrBlock: null, ipv6CidrBlock: '::/0' }), denyAll]), 'FAIL'],
    ['allow SSH from 0.0.0.0/1', acl([entry({ protocol: '6', cidrBlock: '0.0.0.0/1', portRange: { from: 22, to: 22 } }), denyAll]), 'FAIL'],
    ['allow TCP 3389 from 128.0.0.0/2', acl([entry({ protocol: '6', cidrBlock: '128.0.0.0/2', portRange: { from: 3389, to: 3389 } }), denyAll]), 'FAIL'],
    ['allow SSH from a partner /16', acl([entry({ protocol: '6', cidrBlock: '52.94.0.0/16', portRange: { from: 22, to: 22 } }), denyAll]), 'PASS'],
    ['deny 22 and 3389 from both halves before allow all', acl([
      entry({ ruleNumber: 50, protocol: '6', action: 'deny', cidrBlock: '0.0.0.0/1', portRange: { from: 22, to: 22 } }),
      entry({ ruleNumber: 51, protocol: '6', action: 'deny', cidrBlock: '128.0.0.0/1', portRange: { from: 22, to: 22 } }),
      entry({ ruleNumber: 60, protocol: '6', action: 'deny', portRange: { from: 3389, to: 3389 } }),
      entry({}), denyAll]), 'PASS'],
    ['deny 22 from half the internet only, then allow all', acl([entry({ ruleNumber: 50, protocol: '6', action: 'deny', cidrBlock: '0.0.0.0/1', portRange: { from: 22, to: 22 } }), entry({}), denyAll]), 'FAIL'],
    ['not associated with a subnet', acl([entry({})], []), 'NOT_APPLICABLE'],
  ])('%s -> %s', (_name, networkAcl, status) => {
    const [outcome] = check.evaluate(ec2Region({ networkAcls: observed([networkAcl]) }));
    expect(outcome?.status).toBe(status);
  });

  it('names the deciding rule', () => {
    const [outcome] = check.evaluate(ec2Region({ networkAcls: observed([acl([entry({}), denyAll])]) }));
    expect(outcome?.message).toBe('Network ACL acl-1 (1 subnet(s)) allows SSH (22) from 0.0.0.0/0 by rule 100; RDP (3389) from 0.0.0.0/0 by rule 100.');
  });

  it('reports UNKNOWN when network ACLs could not be read', () => {
    expect(check.evaluate(ec2Region({ networkAcls: denied('ec2', 'DescribeNetworkAcls') }))[0]?.status).toBe('UNKNOWN');
  });
});
