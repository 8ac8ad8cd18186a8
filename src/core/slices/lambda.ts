/** Snapshot slice for Lambda functions in one region (environment variable VALUES are never stored). */
import type { Observed } from '../observed.js';
import type { SecretFinding } from './secrets.js';

export interface LambdaEnvironmentScan {
  readonly variableNames: readonly string[];
  /** Likely secrets found in the variables (location `env:<NAME>`, redacted hint). */
  readonly secretFindings: readonly SecretFinding[];
}

export interface LambdaFunction {
  readonly name: string;
  readonly arn: string;
  /** Null for container-image functions. */
  readonly runtime: string | null;
  readonly role: string;
  readonly packageType: string | null;
  /**
   * The environment scan; null value = no environment variables. An error when Lambda could not decrypt
   * the variables for us (Environment.Error, e.g. KMS access denied on a customer key).
   */
  readonly environment: Observed<LambdaEnvironmentScan | null>;
}

export interface LambdaSlice {
  readonly functions: Observed<readonly LambdaFunction[]>;
}
