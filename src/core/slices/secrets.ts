/** Snapshot slice for secret stores: Secrets Manager secrets and SSM parameters (metadata only, never values). */
import type { Observed } from '../observed.js';

/** What kind of likely secret the detector saw (a list, so a schema can enumerate it). */
export const SECRET_KINDS = [
  'aws-access-key-id',
  'aws-secret-access-key',
  'private-key',
  'password-assignment',
  'secret-assignment',
  'token-assignment',
  'api-key-assignment',
  'connection-string-credentials',
  'github-token',
  'gitlab-token',
  'slack-token',
  'slack-webhook',
  'stripe-live-key',
  'google-api-key',
  'npm-token',
  'gcp-service-account-key',
  'openai-api-key',
  'anthropic-api-key',
  'sendgrid-api-key',
  'shopify-token',
  'linear-api-key',
  'onepassword-token',
  /** A secretlint rule this version does not know by name (a newer preset). */
  'other-token',
] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];

/**
 * One likely secret found in text (EC2 user data, Lambda environment). Holds where and what kind, plus a
 * redacted hint for the reviewer; NEVER the value itself.
 */
export interface SecretFinding {
  /** `env:DB_PASSWORD`, `userData:line 12`. */
  readonly location: string;
  readonly kind: SecretKind;
  /**
   * What a reviewer needs to find it, never any part of the value beyond a fixed public type prefix:
   * `GitHub token (ghp_...)`, `DB_PASSWORD set to a literal value`, `https://****@github.com`.
   */
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
