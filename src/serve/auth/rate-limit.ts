/**
 * Sign-in rate limit, counted in the store (so it holds across restarts and processes): at most
 * maxFailuresPerAccount failures per email and maxFailuresPerIp per client address in a sliding window of
 * rateLimitWindowMs. Over either, sign-in is refused (even with the right password) until the oldest
 * failure leaves the window. Unknown emails count like known ones, so the lock tells nothing about which
 * accounts exist. A successful sign-in clears its account's failures.
 */
import type { Store } from '../../store/db.js';
import type { AuthLimits } from './options.js';

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string | null) => `ip:${ip ?? 'unknown'}`;

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly reason: 'account_locked' | 'ip_limited'; readonly retryAfterSeconds: number };

export async function signInAllowed(store: Store, limits: AuthLimits, now: Date, email: string, ip: string | null): Promise<RateDecision> {
  const since = new Date(now.getTime() - limits.rateLimitWindowMs).toISOString();
  const retryAfter = (oldest: string | null) =>
    Math.max(1, Math.ceil(((oldest === null ? now.getTime() : Date.parse(oldest)) + limits.rateLimitWindowMs - now.getTime()) / 1000));
  const byIp = await store.auth.failuresSince(ipKey(ip), since);
  if (byIp.count >= limits.maxFailuresPerIp) return { allowed: false, reason: 'ip_limited', retryAfterSeconds: retryAfter(byIp.oldest) };
  const byAccount = await store.auth.failuresSince(accountKey(email), since);
  if (byAccount.count >= limits.maxFailuresPerAccount) return { allowed: false, reason: 'account_locked', retryAfterSeconds: retryAfter(byAccount.oldest) };
  return { allowed: true };
}

export async function recordSignInFailure(store: Store, limits: AuthLimits, now: Date, email: string | null, ip: string | null): Promise<void> {
  await store.auth.pruneFailures(new Date(now.getTime() - limits.rateLimitWindowMs).toISOString());
  await store.auth.recordFailure(email === null ? [ipKey(ip)] : [accountKey(email), ipKey(ip)], now.toISOString());
}
