/** Snapshot slice for secret stores: Secrets Manager secrets and SSM parameters (metadata only, never values). */
import type { Observed } from '../observed.js';

/** What kind of likely secret the detector saw. */
export type SecretKind =
  | 'aws-access-key-id'
  | 'aws-secret-access-key'
  | 'private-key'
  | 'password-assignment'
  | 'secret-assignment'
  | 'token-assignment'
  | 'api-key-assignment'
  | 'connection-string-credentials'
  | 'github-token'
  | 'gitlab-token'
  | 'slack-token'
  | 'slack-webhook'
  | 'stripe-live-key'
  | 'google-api-key'
  | 'npm-token';

/**
 * One likely secret found in text (EC2 user data, Lambda environment). Holds where and what kind, plus a
 * redacted hint for the reviewer; NEVER the value itself.
 */
export interface SecretFinding {
  /** `env:DB_PASSWORD`, `userData:line 12`. */
  readonly location: string;
  readonly kind: SecretKind;
  /** Redacted preview such as `DB_PASSWORD=******** (12 chars)` or `AKIA****************`. */
  readonly hint: string;
}

/** A Secrets Manager secret (secretsmanager:ListSecrets; GetSecretValue is never called). */
export interface ManagedSecret {
  readonly name: string;
  readonly arn: string;
  /** Customer KMS key id/ARN; null means the AWS managed key `aws/secretsmanager`. */
  readonly kmsKeyId: string | null;
  readonly rotationEnabled: boolean;
  /** ISO date (day precision in AWS) or null when never accessed. */
  readonly lastAccessedDate: string | null;
  readonly lastRotatedDate: string | null;
}

/** An SSM Parameter Store parameter (ssm:DescribeParameters; values are never read). */
export interface SsmParameter {
  readonly name: string;
  /** `String` | `StringList` | `SecureString`. */
  readonly type: string;
  /** KMS key of a SecureString parameter; null for String/StringList. */
  readonly keyId: string | null;
  readonly lastModifiedDate: string | null;
}

export interface SecretsSlice {
  readonly secrets: Observed<readonly ManagedSecret[]>;
  readonly parameters: Observed<readonly SsmParameter[]>;
}
