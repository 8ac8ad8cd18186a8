/**
 * Builds SDK v3 clients for one account: its credentials, the SDK's adaptive retry, timeouts, an optional
 * endpoint override (AWS_ENDPOINT_URL, e.g. the moto emulator) and two middlewares: one counts requests
 * and stops new ones once the scan is aborted; one strips S3 Control's account-id host prefix, which a
 * local endpoint cannot resolve.
 */
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { ClientConstructor } from './collector.js';
import type { ScanRecorder } from './scan-recorder.js';

export interface ClientSettings {
  /** Endpoint override for every service (AWS_ENDPOINT_URL); undefined for real AWS. */
  readonly endpoint: string | undefined;
  /** SDK attempts per request, adaptive retry mode (throttling backs off). */
  readonly maxAttempts: number;
  readonly requestTimeoutMs: number;
}

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
      options: { step: 'initialize' | 'build'; name: string; override?: boolean },
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
}

export type ClientFactory = <C>(ctor: ClientConstructor<C>, region?: string) => C;

export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  const err = new Error(typeof reason === 'string' ? reason : 'The scan was interrupted.');
  err.name = 'AbortError';
  return err;
}

export function createClientFactory(options: ClientFactoryOptions): ClientFactory {
  const cache = new Map<unknown, Map<string, unknown>>();
  const httpHandler = new NodeHttpHandler({ connectionTimeout: 5_000, requestTimeout: options.settings.requestTimeoutMs });

  return <C>(ctor: ClientConstructor<C>, region?: string): C => {
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
    const client = new ctor({
      region: r,
      credentials: options.credentials,
      maxAttempts: options.settings.maxAttempts,
      retryMode: 'adaptive',
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
}
