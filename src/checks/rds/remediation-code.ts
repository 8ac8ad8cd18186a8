/** CloudFormation and Terraform fixes for the RDS checks (src/core/remediation-code.ts). */
import { lines, type RemediationCode, type RemediationCodeTable } from '../../core/remediation-code.js';

const db = (cfnProp: string, tfArg: string): RemediationCode => ({
  cloudformationType: 'AWS::RDS::DBInstance',
  terraformType: 'aws_db_instance',
  cloudformation: lines(
    'OrdersDatabase:',
    '  Type: AWS::RDS::DBInstance',
    '  Properties:',
    '    Engine: postgres',
    '    DBInstanceClass: db.t4g.medium',
    '    AllocatedStorage: 50',
    '    ManageMasterUserPassword: true',
    '    MasterUsername: app',
    `    ${cfnProp}`,
  ),
  terraform: lines(
    'resource "aws_db_instance" "orders" {',
    '  engine                      = "postgres"',
    '  instance_class              = "db.t4g.medium"',
    '  allocated_storage           = 50',
    '  username                    = "app"',
    '  manage_master_user_password = true',
    `  ${tfArg}`,
    '}',
  ),
});

export const RDS_REMEDIATION_CODE: RemediationCodeTable = {
  rds_instance_storage_encrypted: db('StorageEncrypted: true', 'storage_encrypted = true'),
  rds_instance_backup_enabled: db('BackupRetentionPeriod: 7', 'backup_retention_period = 7'),
  rds_instance_multi_az: db('MultiAZ: true', 'multi_az = true'),
  rds_instance_not_publicly_accessible: db('PubliclyAccessible: false', 'publicly_accessible = false'),
};
