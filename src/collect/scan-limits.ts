/**
 * How much the scan asks of AWS at once, and why (docs/decisions/0008-scan-concurrency.md).
 *
 * - `concurrency` (--concurrency): HTTP requests in flight across the whole scan. 128: split among the scan
 *   threads (two on a 2-core machine, 64 each), it keeps both cores busy at 60 ms per answer (about 900
 *   requests/s measured); 64 left the Organization bench latency-bound (one core busy), 256 was no faster and
 *   cost 300 MB more (docs/benchmarks.md, 2026-12-01). The first default, 8 collector tasks, ran at about
 *   190 requests/s.
 * - `perAccountConcurrency` (--per-account-concurrency): requests in flight against one account. AWS
 *   throttles per account (and mostly per region and per API): EC2 keeps a token bucket per account, region
 *   and API (Describe* actions: bucket 100, refill 20/s); 8 in flight stays far inside it while 8+ accounts
 *   fill the global budget.
 * - per service: requests in flight against one account x region x service. 4 by default; lower where AWS
 *   publishes low rates or none and the API is known to throttle (see PER_SERVICE_CONCURRENCY).
 */

export const DEFAULT_CONCURRENCY = 128;
export const DEFAULT_PER_ACCOUNT_CONCURRENCY = 8;
export const DEFAULT_PER_SERVICE_CONCURRENCY = 4;

/**
 * Requests in flight per account x region for services whose published limits are low. Keys are the SDK
 * client's name without `Client`, lower-cased (`SecurityHubClient` -> `securityhub`).
 */
export const PER_SERVICE_CONCURRENCY: Readonly<Record<string, number>> = {
  // Security Hub API reference: 10 requests/s (burst 30) for most operations, GetFindings 3/s (burst 6).
  securityhub: 2,
  // CloudTrail's control-plane APIs are throttled per account and region at a few requests/s (LookupEvents: 2/s).
  cloudtrail: 2,
  // Organizations is one endpoint for the whole Organization (us-east-1) and throttles ListAccounts & co. early.
  organizations: 2,
  // Support (Trusted Advisor) and Cost Explorer: low, unpublished rates; Cost Explorer bills per request.
  support: 1,
  costexplorer: 1,
};

export interface ScanLimits {
  readonly concurrency: number;
  readonly perAccountConcurrency: number;
}

/** The request limiter's key for one account x region x service. */
export function requestKey(accountId: string, region: string, service: string): string {
  return `${accountId}|${region}|${service}`;
}

/** The cap for a request key made by requestKey. */
export function perServiceCap(key: string): number {
  const service = key.slice(key.lastIndexOf('|') + 1);
  return PER_SERVICE_CONCURRENCY[service] ?? DEFAULT_PER_SERVICE_CONCURRENCY;
}

/** `EC2Client` -> `ec2`, `SecurityHubClient` -> `securityhub`. */
export function serviceOfClient(clientName: string): string {
  return clientName.replace(/Client$/, '').toLowerCase();
}
