/**
 * Credentials: the default chain (or --profile) for the scanning principal, and role assumption into
 * member accounts with an auto-refreshing provider. Failures become clear CredentialsErrors up front.
 */
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { CredentialsError, EndpointUnreachableError } from '../core/errors.js';
import { redact } from '../core/redact.js';
import { classifyErrorCode, errorCode, httpStatus } from './aws-errors.js';
import type { ClientFactory, Credentials } from './clients.js';

export function defaultCredentials(profile: string | undefined): AwsCredentialIdentityProvider {
  return fromNodeProviderChain(profile ? { profile } : {});
}

export interface CallerIdentity {
  readonly arn: string;
  readonly accountId: string;
  readonly partition: string;
}

/**
 * Resolves the starting credentials, then sts:GetCallerIdentity, turning every failure into a message a
 * person can act on. Resolving first tells "no credentials at all" apart from "AWS rejected them".
 */
export async function whoAmI(clients: ClientFactory, credentials: Credentials, profile: string | undefined): Promise<CallerIdentity> {
  try {
    if (typeof credentials === 'function') await credentials();
    const out = await clients(STSClient).send(new GetCallerIdentityCommand({}));
    const arn = out.Arn ?? '';
    return { arn, accountId: out.Account ?? '', partition: arn.split(':')[1] ?? 'aws' };
  } catch (err) {
    const code = errorCode(err);
    const message = redact(err instanceof Error ? err.message : String(err));
    if (code === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
      throw new CredentialsError(
        `No AWS credentials found${profile ? ` for profile "${profile}"` : ''}. ` +
          'Configure credentials (aws configure, AWS_PROFILE, SSO login or environment variables) and retry, ' +
          'or run `ftr demo` to see a report from the bundled sample scan.',
      );
    }
    const kind = classifyErrorCode(code, httpStatus(err));
    if (kind === 'expired_credentials') {
      throw new CredentialsError(`The AWS session has expired (${code}). Refresh your credentials (e.g. aws sso login) and retry.`);
    }
    if (kind === 'region_disabled' || kind === 'access_denied' || code === 'SignatureDoesNotMatch') {
      throw new CredentialsError(`AWS rejected the credentials (${code}): ${message}`);
    }
    if (kind === 'network' || kind === 'timeout') {
      throw new EndpointUnreachableError(`Could not reach AWS STS (${code}): ${message}. Check the network, proxy settings or AWS_ENDPOINT_URL.`);
    }
    throw new CredentialsError(`Could not verify the AWS credentials (${code}): ${message}`);
  }
}

const REFRESH_MARGIN_MS = 5 * 60_000;
/** The session asked of AssumeRole (the role-chaining maximum). */
const SESSION_SECONDS = 3600;

/**
 * When an assumed session has to be renewed, by this machine's clock. `Expiration` is in AWS's clock: a local
 * clock ahead of it (or a replayed answer, as in the bench) makes a fresh session look expired, and the
 * provider would assume the role again before every request (10% of a scan's requests in the bench, docs/
 * benchmarks.md). The session lasts `SESSION_SECONDS` from its issue by any clock, so that bounds it; an
 * `Expiration` sooner than that by the local clock (a clock behind AWS's) still wins.
 */
export function sessionRefreshAt(receivedAtMs: number, expiration: Date | undefined): number {
  const byDuration = receivedAtMs + SESSION_SECONDS * 1000;
  const byExpiration = expiration?.getTime();
  const expiresAt = byExpiration !== undefined && byExpiration - receivedAtMs > REFRESH_MARGIN_MS ? Math.min(byExpiration, byDuration) : byDuration;
  return expiresAt - REFRESH_MARGIN_MS;
}

/**
 * A provider that assumes `roleArn` with the base credentials and re-assumes shortly before expiry.
 * The first call throws the AssumeRole error, which the runner records against the account.
 */
export function assumeRoleProvider(
  baseClients: ClientFactory,
  roleArn: string,
  externalId: string | undefined,
): AwsCredentialIdentityProvider {
  let current: { identity: AwsCredentialIdentity; refreshAt: number } | undefined;
  let pending: Promise<{ identity: AwsCredentialIdentity; refreshAt: number }> | undefined;
  const refresh = async () => {
    const out = await baseClients(STSClient).send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        RoleSessionName: 'ftr-ready-scan',
        DurationSeconds: SESSION_SECONDS,
        ...(externalId ? { ExternalId: externalId } : {}),
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`AssumeRole into ${roleArn} returned no credentials.`);
    const refreshAt = sessionRefreshAt(Date.now(), c.Expiration ? new Date(c.Expiration) : undefined);
    const identity: AwsCredentialIdentity = {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
      // By the local clock too: the SDK's own cache of the identity renews it 5 minutes before this.
      expiration: new Date(refreshAt + REFRESH_MARGIN_MS),
    };
    return { identity, refreshAt };
  };
  return async () => {
    if (current && Date.now() < current.refreshAt) return current.identity;
    pending ??= refresh().finally(() => {
      pending = undefined;
    });
    current = await pending;
    return current.identity;
  };
}
