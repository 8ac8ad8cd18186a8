/** Schema of the EC2/VPC slice (src/core/slices/ec2.ts). */
import { z } from 'zod';
import { count, nullableIsoTime, observed, stringList, tagMap } from '../primitives.js';
import { secretFindingSchema } from './secrets.js';

const port = z.number().int();

export const securityGroupRuleSchema = z.object({
  protocol: z.string(),
  fromPort: port.nullable(),
  toPort: port.nullable(),
  ipv4Ranges: stringList,
  ipv6Ranges: stringList,
  referencedGroupIds: stringList,
  prefixListIds: stringList,
});

export const securityGroupSchema = z.object({
  groupId: z.string(),
  groupName: z.string(),
  vpcId: z.string().nullable(),
  isDefault: z.boolean(),
  ingress: z.array(securityGroupRuleSchema),
  egress: z.array(securityGroupRuleSchema),
});

export const networkAclEntrySchema = z.object({
  ruleNumber: z.number().int(),
  egress: z.boolean(),
  protocol: z.string(),
  action: z.enum(['allow', 'deny']),
  cidrBlock: z.string().nullable(),
  ipv6CidrBlock: z.string().nullable(),
  portRange: z.object({ from: port, to: port }).nullable(),
});

export const networkAclSchema = z.object({
  networkAclId: z.string(),
  vpcId: z.string().nullable(),
  isDefault: z.boolean(),
  subnetIds: stringList,
  entries: z.array(networkAclEntrySchema),
});

export const volumeSchema = z.object({
  volumeId: z.string(),
  name: z.string().nullable(),
  encrypted: z.boolean(),
  kmsKeyId: z.string().nullable(),
  state: z.string(),
  sizeGiB: z.number().nullable(),
  attachedInstanceIds: stringList,
});

export const userDataScanSchema = z.object({
  bytes: count,
  gzip: z.boolean(),
  secretFindings: z.array(secretFindingSchema),
});

export const instanceSchema = z.object({
  instanceId: z.string(),
  name: z.string().nullable(),
  state: z.string(),
  vpcId: z.string().nullable(),
  subnetId: z.string().nullable(),
  publicIpAddress: z.string().nullable(),
  privateIpAddress: z.string().nullable(),
  iamInstanceProfileArn: z.string().nullable(),
  securityGroupIds: stringList,
  tags: tagMap,
  launchTime: nullableIsoTime,
  userData: observed(userDataScanSchema.nullable()),
});

export const launchTemplateVersionSchema = z.object({
  launchTemplateId: z.string(),
  launchTemplateName: z.string(),
  versionNumber: z.number().int(),
  isDefault: z.boolean(),
  userData: userDataScanSchema.nullable(),
});

export const subnetSchema = z.object({
  subnetId: z.string(),
  vpcId: z.string(),
  name: z.string().nullable(),
  cidrBlock: z.string().nullable(),
  availabilityZone: z.string().nullable(),
  mapPublicIpOnLaunch: z.boolean(),
  defaultForAz: z.boolean(),
});

export const routeTableSchema = z.object({
  routeTableId: z.string(),
  vpcId: z.string(),
  isMain: z.boolean(),
  subnetIds: stringList,
  internetGatewayRoutes: stringList,
});

export const ec2SliceSchema = z.object({
  securityGroups: observed(z.array(securityGroupSchema)),
  attachedSecurityGroupIds: observed(stringList),
  networkAcls: observed(z.array(networkAclSchema)),
  ebsEncryptionByDefault: observed(z.boolean()),
  volumes: observed(z.array(volumeSchema)),
  instances: observed(z.array(instanceSchema)),
  /** Absent in snapshots written before launch templates were collected. */
  launchTemplateVersions: observed(z.array(launchTemplateVersionSchema)).exactOptional(),
  subnets: observed(z.array(subnetSchema)),
  routeTables: observed(z.array(routeTableSchema)),
  /** Absent in snapshots written before prefix lists were collected. */
  prefixLists: observed(
    z.array(
      z.object({
        prefixListId: z.string(),
        name: z.string().nullable(),
        ownerId: z.string().nullable(),
        entries: observed(stringList.nullable()),
      }),
    ),
  ).exactOptional(),
  /** Absent in snapshots written before owned EBS snapshots were counted. */
  ownedSnapshots: observed(z.object({ total: count, unencrypted: count })).exactOptional(),
});
