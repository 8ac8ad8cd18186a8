import type { CheckDefinition } from '../../core/check.js';
import { ec2EbsDefaultEncryption } from './ec2-ebs-default-encryption.js';
import { ec2EbsVolumeEncrypted } from './ec2-ebs-volume-encrypted.js';
import { ec2InstanceNoSecretsInUserData } from './ec2-instance-no-secrets-in-user-data.js';
import { ec2InstancePublicExposureReviewed } from './ec2-instance-public-exposure-reviewed.js';
import { ec2InstanceUsesIamRole } from './ec2-instance-uses-iam-role.js';
import { ec2LaunchTemplateNoSecrets } from './ec2-launch-template-no-secrets.js';
import { ec2NetworkaclNoAdminPortsOpenToInternet } from './ec2-networkacl-no-admin-ports-open-to-internet.js';
import { ec2SecuritygroupDefaultRestrictTraffic } from './ec2-securitygroup-default-restrict-traffic.js';
import { ec2SecuritygroupNoAdminPortsOpenToInternet } from './ec2-securitygroup-no-admin-ports-open-to-internet.js';
import { ec2SecuritygroupNoAllPortsOpenToInternet } from './ec2-securitygroup-no-all-ports-open-to-internet.js';
import { vpcSubnetNoPublicIpByDefault } from './vpc-subnet-no-public-ip-by-default.js';

/** The ec2 checks (EC2, VPC and EBS; NETSEC-001/002, SDAT-002, IAM-009, IAM-012). */
export const ec2Checks: readonly CheckDefinition[] = [
  ec2SecuritygroupNoAdminPortsOpenToInternet,
  ec2SecuritygroupNoAllPortsOpenToInternet,
  ec2SecuritygroupDefaultRestrictTraffic,
  ec2NetworkaclNoAdminPortsOpenToInternet,
  ec2InstancePublicExposureReviewed,
  vpcSubnetNoPublicIpByDefault,
  ec2EbsDefaultEncryption,
  ec2EbsVolumeEncrypted,
  ec2InstanceUsesIamRole,
  ec2InstanceNoSecretsInUserData,
  ec2LaunchTemplateNoSecrets,
];
