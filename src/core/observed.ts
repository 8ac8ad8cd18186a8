/**
 * "Could we see it?" as data. A value read from AWS is either observed (possibly `null`: "not configured",
 * e.g. NoSuchBucketPolicy) or not observed, with the reason. Checks turn a non-observed value into UNKNOWN,
 * never into a default: a denied GetBucketVersioning is not "versioning off".
 */

/** Why a read failed, after the SDK's own retries. */
export type CollectionErrorKind =
  | 'access_denied' // AccessDenied, AccessDeniedException, UnauthorizedOperation, AuthorizationError
  | 'not_subscribed' // SubscriptionRequiredException, OptInRequired for a service
  | 'region_disabled' // opt-in region not enabled for the account
  | 'throttled' // still throttled after the SDK's adaptive retries
  | 'unsupported' // the endpoint does not implement the API (emulators answer 404/501)
  | 'timeout' // the request or the connection timed out
  | 'network' // the endpoint could not be reached (connection refused/reset)
  | 'expired_credentials' // ExpiredToken and friends
  | 'aborted' // the scan was interrupted (Ctrl-C) before the call finished
  | 'not_read' // not asked: a posture-only region whose AWS Config inventory counts none of these resources (collect/region-signal.ts)
  | 'other';

/** One failed read, recorded in the snapshot. Messages are redacted before they get here. */
export interface CollectionError {
  readonly kind: CollectionErrorKind;
  readonly accountId: string;
  /** AWS region the call went to; `global` for IAM/Organizations-style endpoints. */
  readonly region: string;
  readonly service: string;
  readonly operation: string;
  /** The SDK error name (`AccessDeniedException`), or the HTTP status for emulator 404/500. */
  readonly code: string;
  readonly message: string;
}

export type Observed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: CollectionError };

export function observed<T>(value: T): Observed<T> {
  return { ok: true, value };
}

export function notObserved<T = never>(error: CollectionError): Observed<T> {
  return { ok: false, error };
}

/** Human sentence for an error, used in UNKNOWN findings. */
export function describeCollectionError(error: CollectionError): string {
  const where = error.region === 'global' ? error.accountId : `${error.accountId}/${error.region}`;
  const what = `${error.service}:${error.operation}`;
  switch (error.kind) {
    case 'access_denied':
      return `Access denied to ${what} in ${where}; grant the scanner role this read permission.`;
    case 'not_subscribed':
      return `${what} is not available for ${where} (${error.code}).`;
    case 'region_disabled':
      return `Region ${error.region} is not enabled for account ${error.accountId}.`;
    case 'throttled':
      return `${what} in ${where} was still throttled after retries.`;
    case 'unsupported':
      return `The endpoint does not implement ${what} (${error.code}).`;
    case 'timeout':
      return `${what} in ${where} timed out.`;
    case 'network':
      return `Could not reach the ${error.service} endpoint for ${where}: ${error.message}`;
    case 'expired_credentials':
      return `Credentials expired while calling ${what} in ${where}.`;
    case 'aborted':
      return `The scan was interrupted before ${what} in ${where} finished.`;
    case 'not_read':
      return `Resources in ${where} were not read (${what}): ${error.message}`;
    case 'other':
      return `${what} in ${where} failed: ${error.code}: ${error.message}`;
  }
}
