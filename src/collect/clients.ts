/**
 * SDK v3 clients for the scan. One client per service constructor and region for the whole scan (thread),
 * shared by every account (createSharedClientPool); each account's factory (createClientFactory) hands its
 * collectors a handle on it that signs every request with that account's credentials only, and the client
 * itself none (account-signing.ts, docs/decisions/0015-shared-sdk-clients.md). `release()` drops an account's
 * handles and signers; the shared clients live until the scan ends. A client has no credentials of its own,
 * standard retry with the scan's shared retry budget (retry-budget.ts), timeouts, an optional endpoint override
 * (AWS_ENDPOINT_URL, e.g. the moto emulator) and middlewares that take the account from the request: one
 * counts requests and stops new ones once the scan is aborted; one holds a request slot of the scan's limiter
 * around each attempt (so a retry's backoff holds none) and counts attempts; one strips S3 Control's
 * account-id host prefix, which a local endpoint cannot resolve.
 *
 * A scan sends ~50 requests per account-region, so what the SDK repeats per client or per request is a large
 * part of a scan's CPU (docs/benchmarks.md, "Where the scan's CPU goes"). What is done once instead, with the
 * same result: building a client (once per scan thread instead of per account x region x service), settings
 * looked up per client (resolveSharedClientConfig, shareConfiguredEndpoint), the SigV4 signer the SDK builds
 * per request and its signing key (reuseSigner, per account x client); and two middlewares a read-only scan
 * has no use for are removed (UNUSED_SDK_MIDDLEWARES).
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Logger, RetryStrategyV2 } from '@smithy/types';
import type { ClientConstructor } from './collector.js';
import type { FairLimiter } from './fair-limiter.js';
import { RetryBudget } from './retry-budget.js';
import { accountOf, accountSigning, bindAccount, noAccountCredentials, noAccountError, prepareSharedClient } from './account-signing.js';
import { requestKey, serviceOfClient } from './scan-limits.js';
import type { ScanRecorder } from './scan-recorder.js';

export interface ClientSettings {
  /** Endpoint override for every service (AWS_ENDPOINT_URL); undefined for real AWS. */
  readonly endpoint: string | undefined;
  /** SDK attempts per request (standard retry mode; `--max-attempts`). */
  readonly maxAttempts: number;
  readonly requestTimeoutMs: number;
  /** Settings the SDK would otherwise look up for every client (resolveSharedClientConfig); absent: the SDK's own lookup. */
  readonly shared?: SharedClientConfig | undefined;
}

/**
 * Client settings the SDK reads from the environment and the shared config file (~/.aws/config) lazily,
 * once per client: FIPS and dual-stack endpoints, the auth scheme preference, the user-agent app id. Each
 * lookup that finds nothing builds and throws a ProviderError (with a stack trace) per source, and a scan
 * builds a client per account x region x service, so this was about 5% of a scan's CPU (docs/benchmarks.md,
 * "Where the CPU goes"). They are read once per scan, with the SDK's own lookup (a client's resolved
 * config), and handed to every client.
 */
export interface SharedClientConfig {
  readonly useFipsEndpoint: boolean;
  readonly useDualstackEndpoint: boolean;
  readonly authSchemePreference: string[];
  readonly userAgentAppId: string | undefined;
  /**
   * A service's endpoint from the environment or the shared config file (`AWS_ENDPOINT_URL_<SERVICE>`,
   * `endpoint_url`), per SDK service id: looked up by the first client of the service, then handed to the
   * others (shareConfiguredEndpoint). Absent: every client looks it up itself.
   */
  readonly configuredEndpoints?: Map<string, Promise<string | undefined>>;
}

/** Undefined when the lookup fails: every client then looks them up itself, as the SDK does by default. */
export async function resolveSharedClientConfig(): Promise<SharedClientConfig | undefined> {
  // A client is built only to read its configuration: it never sends a request. No `profile`, like the
  // scan's clients (their settings come from AWS_PROFILE or the default profile, whatever --profile says).
  const probe = new STSClient({ region: 'us-east-1' });
  try {
    const config = probe.config;
    return {
      useFipsEndpoint: await config.useFipsEndpoint(),
      useDualstackEndpoint: await config.useDualstackEndpoint(),
      authSchemePreference: await config.authSchemePreference(),
      userAgentAppId: await config.userAgentAppId(),
      configuredEndpoints: new Map(),
    };
  } catch {
    return undefined;
  } finally {
    probe.destroy();
  }
}

/**
 * The SDK's logger middleware builds a copy of every request and answer with sensitive fields masked
 * (`schemaLogFilter`) and hands it to `logger.info` — even to the default no-op logger: about 2% of a scan's
 * CPU. It calls `logger?.info?.(...)`, so a logger without `info` and `error` skips that work. The scanner
 * never logs SDK traffic (it could leak values into logs), so nothing is lost.
 */
const SILENT_SDK_LOGGER = { debug: () => undefined, warn: () => undefined, trace: () => undefined } as unknown as Logger;

export const DEFAULT_CLIENT_SETTINGS: ClientSettings = {
  endpoint: process.env.AWS_ENDPOINT_URL || undefined,
  maxAttempts: 8,
  requestTimeoutMs: 30_000,
};

export type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;

/**
 * SDK middlewares every client has and a scan does not need, removed from each client (each is one more
 * layer of every request's middleware chain, built and run per request):
 * - `loggerMiddleware` only hands requests and answers to the client's logger, which the scan silences
 *   (SILENT_SDK_LOGGER);
 * - `recursionDetectionMiddleware` copies the X-Ray trace id into a header when running inside AWS Lambda,
 *   so that Lambda can stop a function that invokes itself in a loop; a scan only reads.
 */
export const UNUSED_SDK_MIDDLEWARES = ['loggerMiddleware', 'recursionDetectionMiddleware'] as const;

interface MiddlewareArgs {
  request?: { hostname?: string };
}
type Next = (args: MiddlewareArgs) => Promise<unknown>;
interface MiddlewareContext {
  commandName?: string;
}
interface HasMiddlewareStack {
  middlewareStack: {
    remove(name: string): boolean;
    add(
      middleware: (next: Next, context: MiddlewareContext) => Next,
      options: { step: 'initialize' | 'build' | 'finalizeRequest'; name: string; priority?: 'high' | 'normal' | 'low'; override?: boolean },
    ): void;
  };
}

export interface ClientFactoryOptions {
  readonly accountId: string;
  readonly defaultRegion: string;
  readonly credentials: Credentials;
  readonly settings: ClientSettings;
  readonly recorder: ScanRecorder;
  readonly signal: AbortSignal;
  /** The scan's limiter of requests in flight (global, per account, per account x region x service). */
  readonly requests?: FairLimiter | undefined;
  /** The scan's retry strategy (one shared budget); default one RetryBudget for this factory. */
  readonly retryStrategy?: RetryStrategyV2 | undefined;
  /**
   * The scan's HTTP handler (createScanHttpHandler), shared by every account's clients; its owner destroys it.
   * Absent: one handler per factory, destroyed by release().
   */
  readonly httpHandler?: NodeHttpHandler | undefined;
  /**
   * The scan thread's shared SDK clients (createSharedClientPool), built with the same settings, retry
   * strategy and HTTP handler as given here. Absent: a pool of this factory's own, dropped by release().
   */
  readonly sharedClients?: SharedClientPool | undefined;
}

/**
 * One HTTP handler for a whole scan: keep-alive connections to an endpoint (a service in a region) are reused
 * from one account to the next. A connection carries no credentials (each request is signed on its own), and
 * on AWS every new connection costs a TLS handshake: with a handler per account, each account opened its own
 * connections to each of its ~425 service x region endpoints. Up to `maxSockets` per endpoint: the scan's
 * `--concurrency` (a local endpoint such as moto is one host for every service).
 */
export function createScanHttpHandler(settings: ClientSettings, maxSockets: number): NodeHttpHandler {
  const agentOptions = { keepAlive: true, maxSockets: Math.max(50, maxSockets) };
  return new NodeHttpHandler({
    ...requestTimeouts(settings),
    httpAgent: new HttpAgent(agentOptions),
    httpsAgent: new HttpsAgent(agentOptions),
  });
}

/**
 * How long one attempt may take. `requestTimeout` alone only logs a warning in @smithy/node-http-handler 4.x
 * (`throwOnRequestTimeout` makes it an error) and no socket timeout is set by default, so an endpoint that
 * accepts a connection and never answers (or stops half-way through an answer) held its request, its slot of
 * the scan's limiter and the scan with it, for as long as the OS kept the connection. Now the attempt fails
 * with a TimeoutError, which standard retry treats as transient: it is retried (from the scan's retry budget),
 * and a read that times out on every attempt is recorded as failed, so its checks are UNKNOWN, never PASS.
 */
function requestTimeouts(settings: ClientSettings) {
  return {
    connectionTimeout: 5_000,
    requestTimeout: settings.requestTimeoutMs,
    throwOnRequestTimeout: true,
    // Inactivity on the socket, also while the answer's body arrives.
    socketTimeout: settings.requestTimeoutMs,
  };
}

export type ClientFactory = (<C>(ctor: ClientConstructor<C>, region?: string) => C) & {
  /**
   * Drops the account's handles, signers and per-account clients (and, without a scan pool, its clients and
   * their sockets); the next use builds new ones.
   */
  release(): void;
};

export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  const err = new Error(typeof reason === 'string' ? reason : 'The scan was interrupted.');
  err.name = 'AbortError';
  return err;
}

/**
 * SDK clients that stay one per account: S3's region redirects (`followRegionRedirects`) swap the client's
 * region provider while a redirected request runs and put it back after, which is not safe for two redirected
 * requests on one client at once (the one that finishes last can put back the other's region). Kept per account
 * as before, where one account's buckets only race among themselves. Signed the same way as shared clients.
 */
const PER_ACCOUNT_CLIENTS: ReadonlySet<string> = new Set(['S3Client']);

export function createClientFactory(options: ClientFactoryOptions): ClientFactory {
  const retryStrategy = options.retryStrategy ?? new RetryBudget({ maxAttempts: options.settings.maxAttempts });
  let ownPool: SharedClientPool | undefined;
  const pool = (): SharedClientPool =>
    options.sharedClients ?? (ownPool ??= createSharedClientPool({ settings: options.settings, retryStrategy, httpHandler: options.httpHandler }));
  const handles = new Map<unknown, Map<string, unknown>>();

  const factory = <C>(ctor: ClientConstructor<C>, region?: string): C => {
    const r = region ?? options.defaultRegion;
    let byRegion = handles.get(ctor);
    if (!byRegion) {
      byRegion = new Map();
      handles.set(ctor, byRegion);
    }
    const existing = byRegion.get(r);
    if (existing) return existing as C;

    // One handle per account x ctor x region, so a per-account client is built once per account too.
    const shared = PER_ACCOUNT_CLIENTS.has(ctor.name) ? pool().build(ctor, r) : pool().client(ctor, r);
    const handle = bindAccount(shared, {
      accountId: options.accountId,
      region: r,
      requestKey: requestKey(options.accountId, r, serviceOfClient(ctor.name)),
      recorder: options.recorder,
      signal: options.signal,
      requests: options.requests,
      signing: accountSigning((shared as unknown as { config: object }).config, options.credentials),
    });
    byRegion.set(r, handle);
    return handle;
  };
  factory.release = (): void => {
    // The account's handles, signers and own clients go; the scan's shared clients stay for the next account.
    handles.clear();
    ownPool?.destroy();
    ownPool = undefined;
  };
  return factory;
}

export interface SharedClientPoolOptions {
  readonly settings: ClientSettings;
  readonly retryStrategy: RetryStrategyV2;
  /** The scan's HTTP handler; absent: one of the pool's own, destroyed with it. */
  readonly httpHandler?: NodeHttpHandler | undefined;
}

/**
 * One SDK client per service constructor and region for every account of a scan thread (an account reaches
 * it through a handle that signs for that account only: account-signing.ts). Building a client and its first
 * request's set-up was about a tenth of a scan's CPU with a client per account x region x service
 * (docs/benchmarks.md, "Where the scan's CPU goes").
 */
export interface SharedClientPool {
  /** The pool's client of `ctor` in `region`, built on first use. */
  client<C>(ctor: ClientConstructor<C>, region: string): C;
  /** A new client with the pool's settings that the pool does not keep (PER_ACCOUNT_CLIENTS). */
  build<C>(ctor: ClientConstructor<C>, region: string): C;
  /** Drops every client; destroys the HTTP handler if it is the pool's own. */
  destroy(): void;
}

export function createSharedClientPool(options: SharedClientPoolOptions): SharedClientPool {
  const clients = new Map<unknown, Map<string, unknown>>();
  let ownHandler: NodeHttpHandler | undefined;
  const handler = (): NodeHttpHandler => options.httpHandler ?? (ownHandler ??= new NodeHttpHandler(requestTimeouts(options.settings)));
  const build = <C>(ctor: ClientConstructor<C>, region: string): C => buildSharedClient(ctor, region, options.settings, options.retryStrategy, handler());
  return {
    client: <C>(ctor: ClientConstructor<C>, region: string): C => {
      let byRegion = clients.get(ctor);
      if (!byRegion) {
        byRegion = new Map();
        clients.set(ctor, byRegion);
      }
      const existing = byRegion.get(region) as C | undefined;
      if (existing) return existing;
      const client = build(ctor, region);
      byRegion.set(region, client);
      return client;
    },
    build,
    destroy: () => {
      // A client's destroy() destroys its HTTP handler, which may be the scan's: the clients are only dropped.
      clients.clear();
      ownHandler?.destroy();
      ownHandler = undefined;
    },
  };
}

/**
 * A client for every account: no credentials of its own (account-signing.ts), the scan's settings, retry
 * strategy and HTTP handler, and the scan's middlewares, which take the account from the request: one counts
 * requests and stops new ones once the scan is aborted; one holds a request slot of the scan's limiter around
 * each attempt (so a retry's backoff holds none) and counts attempts; one strips S3 Control's account-id host
 * prefix, which a local endpoint cannot resolve.
 */
function buildSharedClient<C>(ctor: ClientConstructor<C>, region: string, settings: ClientSettings, retryStrategy: RetryStrategyV2, httpHandler: NodeHttpHandler): C {
  const endpoint = settings.endpoint;
  // S3 Control's endpoint rules put the account id in front of the host; with an IP endpoint
  // (`123456789012.127.0.0.1`) that is not even a valid URL, so pin the endpoint for it.
  const pinned =
    endpoint && ctor.name === 'S3ControlClient' ? { endpointProvider: () => ({ url: new URL(endpoint) }), disableHostPrefix: true } : {};
  const shared = settings.shared;
  const client = new ctor({
    region,
    logger: SILENT_SDK_LOGGER,
    ...(shared
      ? {
          useFipsEndpoint: shared.useFipsEndpoint,
          useDualstackEndpoint: shared.useDualstackEndpoint,
          authSchemePreference: shared.authSchemePreference,
          // A provider: `undefined` itself would make the client look it up again.
          userAgentAppId: () => Promise.resolve(shared.userAgentAppId),
        }
      : {}),
    credentials: noAccountCredentials,
    // Settings that would make a request depend on the client's own credentials (which hold no account):
    // DynamoDB's account-id endpoints and endpoint discovery (keyed by the access key id, with a request of its
    // own sent with no account attached; this SDK's DynamoDB commands no longer use it). Both off: DynamoDB's
    // regional endpoint answers the same reads. A cached middleware chain would share one context between sends.
    accountIdEndpointMode: 'disabled',
    endpointDiscoveryEnabled: false,
    cacheMiddleware: false,
    maxAttempts: settings.maxAttempts,
    retryStrategy,
    requestHandler: httpHandler,
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    followRegionRedirects: true,
    ...pinned,
  });
  const config = (client as unknown as { config: SdkClientConfig }).config;
  prepareSharedClient(client);
  if (settings.shared?.configuredEndpoints) shareConfiguredEndpoint(config, settings.shared.configuredEndpoints);
  const stack = (client as unknown as HasMiddlewareStack).middlewareStack;
  for (const name of UNUSED_SDK_MIDDLEWARES) stack.remove(name);
  // Plain functions, not async ones, where nothing is awaited: an async wrapper is one more promise per request.
  stack.add(
    (next, context) => (args) => {
      const account = accountOf(context);
      if (!account) return Promise.reject(noAccountError());
      if (account.signal.aborted) return Promise.reject(abortError(account.signal));
      account.recorder.countRequest(account.accountId, account.region, (context.commandName ?? 'Unknown').replace(/Command$/, ''));
      // The account's credentials resolved before the retry loop, where the SDK resolves a client's identity:
      // a role that cannot be assumed fails the request once, not attempt after attempt.
      return account.signing.credentials().then(() => next(args));
    },
    { step: 'initialize', name: 'ftrReadyCountAndAbort' },
  );
  // finalizeRequest, low priority: inside the SDK's retry middleware (finalizeRequest, high), so this runs
  // once per attempt and the backoff between attempts holds no request slot.
  stack.add(
    (next, context) => async (args) => {
      const account = accountOf(context);
      if (!account) throw noAccountError();
      const release = account.requests ? await account.requests.acquire(account.accountId, account.requestKey) : undefined;
      try {
        if (account.signal.aborted) throw abortError(account.signal);
        account.recorder.countAttempt();
        return await next(args);
      } finally {
        release?.();
      }
    },
    { step: 'finalizeRequest', priority: 'low', name: 'ftrReadyRequestSlot' },
  );
  if (endpoint) {
    stack.add(
      (next) => (args) => {
        const req = args.request;
        if (req?.hostname) req.hostname = req.hostname.replace(/^\d{12}\./, '');
        return next(args);
      },
      { step: 'build', name: 'ftrReadyStripAccountHostPrefix' },
    );
  }
  return client;
}

/** The parts of an SDK client's resolved configuration the pool adjusts after building it. */
interface SdkClientConfig {
  serviceId?: string;
  serviceConfiguredEndpoint?: () => Promise<string | undefined>;
}

/**
 * Without an endpoint override, each client looks up on its first request whether the environment or the
 * shared config file names an endpoint for its service (`AWS_ENDPOINT_URL_<SERVICE>`, `endpoint_url`,
 * `ignore_configured_endpoint_urls`): up to four misses, each building a ProviderError with a stack trace.
 * The answer depends only on the service and on those sources, so the first client of a service asks and the
 * others of the scan reuse its answer (a failed lookup is not kept).
 */
export function shareConfiguredEndpoint(config: Pick<SdkClientConfig, 'serviceId' | 'serviceConfiguredEndpoint'>, cache: Map<string, Promise<string | undefined>>): void {
  const own = config.serviceConfiguredEndpoint;
  const serviceId = config.serviceId;
  if (!own || !serviceId) return;
  config.serviceConfiguredEndpoint = () => {
    let found = cache.get(serviceId);
    if (!found) {
      found = own();
      cache.set(serviceId, found);
      found.catch(() => {
        if (cache.get(serviceId) === found) cache.delete(serviceId);
      });
    }
    return found;
  };
}
