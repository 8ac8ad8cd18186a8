/**
 * Turns whatever the SDK threw (after its own adaptive retries) into a CollectionError value.
 * Collectors never let an AWS error escape: a failed read is data.
 */
import type { CollectionError, CollectionErrorKind } from '../core/observed.js';
import { redact } from '../core/redact.js';

const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'Client.UnauthorizedOperation',
  'AuthorizationError',
  'AuthorizationErrorException',
  'UnauthorizedException',
  'UnauthorizedAccess',
  'ForbiddenException',
  'AccessDeniedForDependencyException',
]);
const NOT_SUBSCRIBED = new Set([
  'SubscriptionRequiredException',
  'OptInRequired',
  'OptInRequiredException',
  'NotSignedUp',
  'DataUnavailableException',
]);
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ProvisionedThroughputExceededException',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'EC2ThrottledException',
]);
const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const REGION_DISABLED = new Set(['InvalidClientTokenId', 'UnrecognizedClientException', 'AuthFailure']);
const UNSUPPORTED = new Set(['UnknownOperationException', 'InvalidAction', 'NotImplemented', 'UnsupportedOperation']);
const TIMEOUT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN', 'ENETUNREACH']);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $response?: { statusCode?: unknown };
  cause?: unknown;
}

/** The SDK error name, the Node error code, or the HTTP status for non-AWS (HTML) answers. */
export function errorCode(err: unknown): string {
  const e = (err ?? {}) as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const name = typeof e.name === 'string' ? e.name : undefined;
  if (code && NETWORK.has(code)) return code;
  if (code && TIMEOUT.has(code)) return code;
  // A non-AWS error page (an emulator's HTML 404/500) fails deserialization: the HTTP status says more.
  const failedStatus = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  if ((name === 'SyntaxError' || name === 'TypeError') && typeof failedStatus === 'number' && failedStatus >= 400) return String(failedStatus);
  if (name && name !== 'Error' && name !== 'UnknownError') return name;
  if (code) return code;
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  if (typeof status === 'number') return String(status);
  if (e.cause) return errorCode(e.cause);
  return name ?? 'Error';
}

export function httpStatus(err: unknown): number | undefined {
  const e = (err ?? {}) as ErrorLike;
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

export function classifyErrorCode(code: string, status?: number): CollectionErrorKind {
  if (ACCESS_DENIED.has(code)) return 'access_denied';
  if (NOT_SUBSCRIBED.has(code)) return 'not_subscribed';
  if (THROTTLED.has(code)) return 'throttled';
  if (EXPIRED.has(code)) return 'expired_credentials';
  if (REGION_DISABLED.has(code)) return 'region_disabled';
  if (UNSUPPORTED.has(code)) return 'unsupported';
  if (TIMEOUT.has(code)) return 'timeout';
  if (NETWORK.has(code)) return 'network';
  if (code === 'AbortError') return 'aborted';
  // Emulators answer unimplemented APIs with a bare HTML 404/500/501: no AWS error name at all.
  if (/^\d{3}$/.test(code)) return code === '403' ? 'access_denied' : code === '429' ? 'throttled' : 'unsupported';
  if (status === 403) return 'access_denied';
  return 'other';
}

export interface ErrorSite {
  readonly accountId: string;
  readonly region: string;
  readonly service: string;
  readonly operation: string;
}

export function toCollectionError(err: unknown, site: ErrorSite): CollectionError {
  const code = errorCode(err);
  const rawMessage = err instanceof Error ? err.message : typeof err === 'string' ? err : JSON.stringify(err);
  const message = redact(rawMessage || code).slice(0, 500);
  return { ...site, kind: classifyErrorCode(code, httpStatus(err)), code, message };
}
