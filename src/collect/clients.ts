/**
 * Builds SDK v3 clients for one account, each on first use (ctor x region) and all released together when
 * the account is done (`release()`): its credentials, standard retry with the scan's shared retry budget
 * (retry-budget.ts), timeouts, an optional endpoint override (AWS_ENDPOINT_URL, e.g. the moto emulator) and
 * middlewares: one counts requests and stops new ones once the scan is aborted; one holds a request slot
 * of the scan's limiter around each attempt (so a retry's backoff holds none) and counts attempts; one
 * strips S3 Control's account-id host prefix, which a local endpoint cannot resolve.
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

interface MiddlewareArgs {
  request?: { hostname?: string };
}
type Next = (args: MiddlewareArgs) => Promise<unknown>;
interface MiddlewareContext {
  commandName?: string;
}
interface HasMiddlewareStack {
  middlewareStack: {
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
    connectionTimeout: 5_000,
    requestTimeout: settings.requestTimeoutMs,
    httpAgent: new HttpAgent(agentOptions),
    httpsAgent: new HttpsAgent(agentOptions),
  });
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
    httpHandler ??= new NodeHttpHandler({ connectionTimeout: 5_000, requestTimeout: options.settings.requestTimeoutMs });
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
    const stack = (client as unknown as HasMiddlewareStack).middlewareStack;
    stack.add(
      (next, context) => async (args) => {
        if (options.signal.aborted) throw abortError(options.signal);
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
        (next) => async (args) => {
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
