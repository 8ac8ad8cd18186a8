/** Snapshot slice for Lambda functions in one region (environment variable VALUES are never stored). */
import type { CollectionError, Observed } from '../observed.js';
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
  /**
   * The published versions (ListFunctions FunctionVersion=ALL): each keeps the environment it was
   * published with. Only versions with likely secrets or an undecryptable environment are kept. Optional:
   * absent in snapshots written before versions were read.
   */
  readonly publishedVersions?: LambdaPublishedVersions;
}

export interface LambdaPublishedVersions {
  readonly count: number;
  readonly withSecrets: readonly { readonly version: string; readonly secretFindings: readonly SecretFinding[] }[];
  readonly unreadable: readonly { readonly version: string; readonly error: CollectionError }[];
}

export interface LambdaSlice {
  readonly functions: Observed<readonly LambdaFunction[]>;
}
