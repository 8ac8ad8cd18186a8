/**
 * Builds SDK v3 clients for one account, each on first use (ctor x region) and all released together when
 * the account is done (`release()`): its credentials, standard retry with the scan's shared retry budget
 * (retry-budget.ts), timeouts, an optional endpoint override (AWS_ENDPOINT_URL, e.g. the moto emulator) and
 * middlewares: one counts requests and stops new ones once the scan is aborted; one holds a request slot
 * of the scan's limiter around each attempt (so a retry's backoff holds none) and counts attempts; one
 * strips S3 Control's account-id host prefix, which a local endpoint cannot resolve.
 *
 * A scan builds a client per account x region x service and sends about two requests with each, so what the
 * SDK repeats per client or per request is a large part of a scan's CPU (docs/benchmarks.md, "Where the
 * scan's CPU goes"). What is done once instead, with the same result: settings looked up per client
 * (resolveSharedClientConfig, shareConfiguredEndpoint), the SigV4 signer the SDK builds per request and its
 * signing key (reuseSigner); and two middlewares a read-only scan has no use for are removed
 * (UNUSED_SDK_MIDDLEWARES). Nothing is shared between accounts: every client signs with its own account's
 * credentials only.
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Logger, RetryStrategyV2 } from '@smithy/types';
import type { ClientConstructor } from './collector.js';
import type { FairLimiter } from './fair-limiter.js';
import { RetryBudget } from './retry-budget.js';
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
  config?: { region?: unknown };
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
  /** Destroys every client built so far (and their sockets); the next use builds new ones. */
  release(): void;
};

interface Destroyable {
  destroy?: () => void;
}

export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  const err = new Error(typeof reason === 'string' ? reason : 'The scan was interrupted.');
  err.name = 'AbortError';
  return err;
}

export function createClientFactory(options: ClientFactoryOptions): ClientFactory {
  const cache = new Map<unknown, Map<string, unknown>>();
  const sharedHandler = options.httpHandler;
  let httpHandler: NodeHttpHandler | undefined = sharedHandler;
  const retryStrategy = options.retryStrategy ?? new RetryBudget({ maxAttempts: options.settings.maxAttempts });

  const factory = <C>(ctor: ClientConstructor<C>, region?: string): C => {
    const r = region ?? options.defaultRegion;
    let byRegion = cache.get(ctor);
    if (!byRegion) {
      byRegion = new Map();
      cache.set(ctor, byRegion);
    }
    const existing = byRegion.get(r);
    if (existing) return existing as C;

    const endpoint = options.settings.endpoint;
    // S3 Control's endpoint rules put the account id in front of the host; with an IP endpoint
    // (`123456789012.127.0.0.1`) that is not even a valid URL, so pin the endpoint for it.
    const pinned =
      endpoint && ctor.name === 'S3ControlClient' ? { endpointProvider: () => ({ url: new URL(endpoint) }), disableHostPrefix: true } : {};
    httpHandler ??= new NodeHttpHandler(requestTimeouts(options.settings));
    const shared = options.settings.shared;
    const client = new ctor({
      region: r,
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
      credentials: options.credentials,
      maxAttempts: options.settings.maxAttempts,
      retryStrategy,
      requestHandler: httpHandler,
      ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
      followRegionRedirects: true,
      ...pinned,
    });
    const config = (client as unknown as { config: SdkClientConfig }).config;
    reuseSigner(config);
    if (shared?.configuredEndpoints) shareConfiguredEndpoint(config, shared.configuredEndpoints);
    const stack = (client as unknown as HasMiddlewareStack).middlewareStack;
    for (const name of UNUSED_SDK_MIDDLEWARES) stack.remove(name);
    // Plain functions, not async ones, where nothing is awaited: an async wrapper is one more promise per request.
    stack.add(
      (next, context) => (args) => {
        if (options.signal.aborted) return Promise.reject(abortError(options.signal));
        options.recorder.countRequest(options.accountId, r, (context.commandName ?? 'Unknown').replace(/Command$/, ''));
        return next(args);
      },
      { step: 'initialize', name: 'ftrReadyCountAndAbort' },
    );
    // finalizeRequest, low priority: inside the SDK's retry middleware (finalizeRequest, high), so this runs
    // once per attempt and the backoff between attempts holds no request slot.
    const key = requestKey(options.accountId, r, serviceOfClient(ctor.name));
    stack.add(
      (next) => async (args) => {
        const release = options.requests ? await options.requests.acquire(options.accountId, key) : undefined;
        try {
          if (options.signal.aborted) throw abortError(options.signal);
          options.recorder.countAttempt();
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
    byRegion.set(r, client);
    return client;
  };
  factory.release = (): void => {
    // A client's destroy() destroys its HTTP handler: with the scan's shared handler, the clients are only dropped.
    if (!sharedHandler) {
      for (const byRegion of cache.values()) {
        for (const client of byRegion.values()) (client as Destroyable).destroy?.();
      }
      httpHandler?.destroy();
      httpHandler = undefined;
    }
    cache.clear();
  };
  return factory;
}

/** The parts of an SDK client's resolved configuration the factory adjusts after building it. */
interface SdkClientConfig {
  signer: (authScheme?: unknown) => Promise<object>;
  signingRegion?: string;
  signingName?: string;
  credentials?: unknown;
  serviceId?: string;
  serviceConfiguredEndpoint?: () => Promise<string | undefined>;
}

type SigningKeyDeriver = (credentials: AwsCredentialIdentity, region: string, shortDate: string, service?: string) => Promise<Uint8Array>;

/**
 * The SDK's signer provider (resolveAwsSdkSigV4Config) builds a new SignatureV4 for every request, from a
 * copy of the client's whole configuration. What it reads from the request's auth scheme (signing region and
 * name) it writes into the client's configuration on first use and reads from there afterwards, so every
 * later call builds the same signer. This keeps the first one and hands it out again while the client's
 * signing region, signing name and credentials provider are those it was built with. The signer asks the
 * client's credentials provider at every request, as before (a renewed role session is used at once).
 * Per client only: a client never signs with another client's credentials.
 */
export function reuseSigner(config: Pick<SdkClientConfig, 'signer' | 'signingRegion' | 'signingName' | 'credentials'>): void {
  const build = config.signer;
  let made: { signer: Promise<object>; region: string | undefined; name: string | undefined; credentials: unknown } | undefined;
  config.signer = (authScheme) => {
    if (made && made.region === config.signingRegion && made.name === config.signingName && made.credentials === config.credentials) return made.signer;
    const signer = build(authScheme).then((built) => {
      cacheSigningKey(built);
      // Recorded once the build has written the signing region and name into the configuration.
      made = { signer, region: config.signingRegion, name: config.signingName, credentials: config.credentials };
      return built;
    });
    return signer;
  };
}

/**
 * SigV4's signing key is derived from the secret key, the date, the region and the service (four HMACs).
 * SignatureV4 caches the 50 most recent keys of the process, under a cache key that costs one more HMAC of
 * the secret per request; a scan signs for hundreds of account x region x service scopes at once, so that
 * cache mostly missed. A client's signer signs for one scope: it keeps the last key it derived, for the same
 * credentials object (a renewed session is a new object), region, date and service.
 */
function cacheSigningKey(signer: object): void {
  const s = signer as { getSigningKey?: SigningKeyDeriver };
  const derive = s.getSigningKey;
  if (typeof derive !== 'function') return;
  let last: { credentials: AwsCredentialIdentity; region: string; shortDate: string; service: string | undefined; key: Promise<Uint8Array> } | undefined;
  s.getSigningKey = (credentials, region, shortDate, service) => {
    if (last && last.credentials === credentials && last.region === region && last.shortDate === shortDate && last.service === service) return last.key;
    const key = derive.call(signer, credentials, region, shortDate, service);
    last = { credentials, region, shortDate, service, key };
    key.catch(() => {
      if (last?.key === key) last = undefined;
    });
    return key;
  };
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
