import type { CheckDefinition } from '../../core/check.js';
import { rdsInstanceBackupEnabled } from './rds-instance-backup-enabled.js';
import { rdsInstanceMultiAz } from './rds-instance-multi-az.js';
import { rdsInstanceNotPubliclyAccessible } from './rds-instance-not-publicly-accessible.js';
import { rdsInstanceStorageEncrypted } from './rds-instance-storage-encrypted.js';

/** The rds checks. */
export const rdsChecks: readonly CheckDefinition[] = [
  rdsInstanceBackupEnabled,
  rdsInstanceStorageEncrypted,
  rdsInstanceMultiAz,
  rdsInstanceNotPubliclyAccessible,
];
