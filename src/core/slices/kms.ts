/** Snapshot slice for KMS keys in one region. */
import type { Observed } from '../observed.js';

export interface KmsKeyMetadata {
  /** As KMS reports it: AWS | CUSTOMER. */
  readonly keyManager: string;
  /** SYMMETRIC_DEFAULT, RSA_2048, HMAC_256, ... */
  readonly keySpec: string | null;
  /** Enabled | Disabled | PendingDeletion | PendingImport | Unavailable | ... */
  readonly keyState: string;
  /** AWS_KMS | EXTERNAL | AWS_CLOUDHSM | EXTERNAL_KEY_STORE */
  readonly origin: string | null;
  readonly description: string | null;
}

export interface KmsKey {
  readonly keyId: string;
  readonly arn: string;
  readonly aliases: readonly string[];
  /**
   * AWS-managed: KeyManager AWS, or an `alias/aws/...` alias (emulators report those keys as CUSTOMER).
   * Derived from the metadata and the aliases.
   */
  readonly awsManaged: boolean;
  /** kms:DescribeKey. */
  readonly metadata: Observed<KmsKeyMetadata>;
  /**
   * kms:GetKeyRotationStatus, asked only for enabled customer-managed symmetric keys with AWS_KMS origin;
   * null value = not asked (rotation does not apply to this key).
   */
  readonly rotationEnabled: Observed<boolean | null>;
}

export interface KmsSlice {
  /** kms:ListKeys joined with kms:ListAliases. */
  readonly keys: Observed<readonly KmsKey[]>;
  /** kms:ListAliases on its own: when it fails, keys still list, without aliases. */
  readonly aliases: Observed<readonly { readonly aliasName: string; readonly targetKeyId: string | null }[]>;
}
