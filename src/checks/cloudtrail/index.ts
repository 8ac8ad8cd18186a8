import type { CheckDefinition } from '../../core/check.js';
import { cloudtrailKmsEncryptionEnabled } from './cloudtrail-kms-encryption-enabled.js';
import { cloudtrailLogFileValidationEnabled } from './cloudtrail-log-file-validation-enabled.js';
import { cloudtrailLogsBucketInOtherAccount } from './cloudtrail-logs-bucket-in-other-account.js';
import { cloudtrailLogsBucketNotPublic } from './cloudtrail-logs-bucket-not-public.js';
import { cloudtrailLogsBucketVersioningOrMfaDelete } from './cloudtrail-logs-bucket-versioning-or-mfa-delete.js';
import { cloudtrailMultiRegionEnabledLogging } from './cloudtrail-multi-region-enabled-logging.js';

/** The cloudtrail checks. */
export const cloudtrailChecks: readonly CheckDefinition[] = [
  cloudtrailMultiRegionEnabledLogging,
  cloudtrailLogsBucketInOtherAccount,
  cloudtrailLogsBucketVersioningOrMfaDelete,
  cloudtrailLogsBucketNotPublic,
  cloudtrailLogFileValidationEnabled,
  cloudtrailKmsEncryptionEnabled,
];
