/**
 * How one SDK client serves every account of a scan thread and still signs each request with the credentials
 * of the account that sent it, and only those (docs/decisions/0015-shared-sdk-clients.md).
 *
 * - A shared client is built with credentials that cannot sign: they resolve to an identity without a secret
 *   (reading it throws), and its own signer provider rejects. Its signing middleware is replaced by one that
 *   signs with the account attached to the request, and refuses a request with no account attached.
 * - An account gets a handle on the shared client (`bindAccount`): `Object.create(shared)`, so `instanceof`,
 *   `config` and `middlewareStack` read through (paginators and waiters take it as the client), with its own
 *   `send`. That `send` adds one middleware to the command's own middleware stack before handing the command to
 *   the shared client. The SDK builds a request's middleware chain synchronously inside `send` (the client's
 *   stack concatenated with the command's) and calls every middleware factory with that request's own context
 *   object: this one writes the account into that context then, and adds nothing to the chain. A command re-sent
 *   replaces it (same name, `override`); the same command sent by two accounts at once gets two contexts, each
 *   with the account whose `send` built it.
 * - The signing middleware (in the SDK's place: after the retry middleware, so once per attempt) signs with the
 *   SDK's own SigV4 signer (`AwsSdkSigV4Signer`, which applies the signing region and name the endpoint rules
 *   resolved for this request, e.g. after an S3 region redirect, and corrects clock skew), handing it the
 *   account's signing configuration (its credentials, its SignatureV4, its clock offset) instead of the shared
 *   client's. Any other scheme (SigV4a, S3 Express sessions, bearer tokens) is refused: a failed read, never a
 *   request signed by guesswork.
 */
import { AwsSdkSigV4Signer, resolveAwsSdkSigV4Config } from '@aws-sdk/core/httpAuthSchemes';
import { SMITHY_CONTEXT_KEY, type AwsCredentialIdentity, type AwsCredentialIdentityProvider } from '@smithy/types';
import type { FairLimiter } from './fair-limiter.js';
import type { ScanRecorder } from './scan-recorder.js';

/** Where a request's context holds the account it is sent for. */
const ACCOUNT = Symbol('ftr-ready: the account this request is sent for');

/** What a shared client's middlewares need of the account a request is sent for. */
export interface AccountBinding {
  readonly accountId: string;
  /** The region of the shared client (as counted and limited per account x region x service). */
  readonly region: string;
  /** The request-slot key of the scan's limiter (scan-limits.ts requestKey). */
  readonly requestKey: string;
  readonly recorder: ScanRecorder;
  readonly signal: AbortSignal;
  readonly requests: FairLimiter | undefined;
  /** The account's signing configuration for this client and its credentials (accountSigning). */
  readonly signing: AccountSigning;
}

export const NO_ACCOUNT_MESSAGE =
  "No account is attached to this request: a scan's shared SDK client signs only requests sent through an account's handle (collect/account-signing.ts).";

export function noAccountError(): Error {
  const err = new Error(NO_ACCOUNT_MESSAGE);
  err.name = 'NoAccountAttached';
  return err;
}

/**
 * The shared client's credentials. The SDK resolves an identity for every request before any middleware of ours
 * could swap it, so this cannot reject; it answers an identity that cannot sign (no secret: reading it throws).
 */
export const noAccountCredentials: AwsCredentialIdentityProvider = () =>
  Promise.resolve({
    accessKeyId: 'NO-ACCOUNT-ATTACHED',
    get secretAccessKey(): string {
      throw noAccountError();
    },
  });

/** The account a request was sent for, written into its context by its handle; undefined: none. */
export function accountOf(context: object): AccountBinding | undefined {
  return (context as { [ACCOUNT]?: AccountBinding })[ACCOUNT];
}

interface MiddlewareStack {
  add(middleware: unknown, options: { step: string; priority: string; name: string; override: boolean }): void;
  remove(name: string): boolean;
  addRelativeTo(middleware: unknown, options: Record<string, unknown>): void;
}
interface SdkCommand {
  middlewareStack: MiddlewareStack;
}
interface SharedSdkClient {
  config: { cacheMiddleware?: boolean; signer?: unknown };
  middlewareStack: MiddlewareStack;
  send(command: SdkCommand, ...rest: unknown[]): Promise<unknown>;
}

/** Resolve-time only: writes the account into this request's context, adds no step to its chain. */
const ATTACH_OPTIONS = { step: 'initialize', priority: 'high', name: 'ftrReadyAttachAccount', override: true };

/** Where a handle keeps its account (handleAccount). */
const HANDLE_ACCOUNT = Symbol('ftr-ready: the account of this client handle');

/**
 * The account's handle on a shared client: reads like the client (instanceof, config, middlewareStack), sends
 * every command for `binding`'s account. `destroy()` does nothing: the shared client outlives the account.
 */
export function bindAccount<C>(shared: C, binding: AccountBinding): C {
  const client = shared as unknown as SharedSdkClient;
  const attach = (next: unknown, context: object) => {
    (context as { [ACCOUNT]?: AccountBinding })[ACCOUNT] = binding;
    return next;
  };
  const handle = Object.create(client) as SharedSdkClient & { destroy(): void; [HANDLE_ACCOUNT]: AccountBinding };
  handle[HANDLE_ACCOUNT] = binding;
  handle.send = (command, ...rest) => {
    // Synchronously before the client resolves this send's chain: no await between the two.
    command.middlewareStack.add(attach, ATTACH_OPTIONS);
    // The client's own send, called on the handle: the handle has no state of its own that send reads (its
    // stack and configuration are the shared client's), and an SDK mock sees the handle it was called on.
    return client.send.call(handle, command, ...rest);
  };
  handle.destroy = () => undefined;
  return handle as unknown as C;
}

/** The account a client handle (bindAccount) sends for; undefined for anything else. */
export function handleAccount(client: unknown): AccountBinding | undefined {
  return (client as { [HANDLE_ACCOUNT]?: AccountBinding } | undefined)?.[HANDLE_ACCOUNT];
}

/**
 * The credentials a client handle signs with (for tests whose mocked `send` tells accounts apart); throws for
 * anything but a handle.
 */
export function handleCredentials(client: unknown): AwsCredentialIdentityProvider {
  const account = handleAccount(client);
  if (!account) throw new Error('Not an account handle of a shared SDK client.');
  return account.signing.credentials;
}

const SIGV4 = 'aws.auth#sigv4';

interface SelectedAuthScheme {
  httpAuthOption: { schemeId: string; signingProperties?: Record<string, unknown> };
  signer: {
    sign(request: unknown, identity: unknown, signingProperties: Record<string, unknown>): Promise<unknown>;
    errorHandler(signingProperties: Record<string, unknown>): (error: unknown) => never;
    successHandler(response: unknown, signingProperties: Record<string, unknown>): void;
  };
}
interface SigningContext {
  [SMITHY_CONTEXT_KEY]?: { selectedHttpAuthScheme?: SelectedAuthScheme };
  s3ExpressIdentity?: unknown;
}
/**
 * In place of the SDK's `httpSigningMiddleware`: the same steps (sign, send, let the signer sample the clock
 * from the answer or the error), with the attached account's signing configuration.
 */
const accountSigningMiddleware =
  (next: (args: { request: unknown }) => Promise<{ response: unknown }>, context: SigningContext) =>
  async (args: { request: unknown }) => {
    const account = accountOf(context);
    if (!account) throw noAccountError();
    const scheme = context[SMITHY_CONTEXT_KEY]?.selectedHttpAuthScheme;
    const schemeId = scheme?.httpAuthOption.schemeId ?? 'none';
    // Exactly the SDK's SigV4 signer (its SigV4a subclass signs for a region set, S3 Express with a session).
    if (!scheme || schemeId !== SIGV4 || Object.getPrototypeOf(scheme.signer) !== AwsSdkSigV4Signer.prototype || context.s3ExpressIdentity) {
      throw new Error(`ftr-ready signs per account with SigV4 only; this request asks for ${schemeId}${context.s3ExpressIdentity ? ' (an S3 Express session)' : ''}.`);
    }
    // A copy per attempt: the signer notes the attempt's send time and clock offset in it.
    const signingProperties = { ...scheme.httpAuthOption.signingProperties, config: account.signing.config };
    const signer = scheme.signer;
    // The SDK's signer takes the credentials from `config` (the account's); the identity is handed over too.
    const identity: AwsCredentialIdentity = await account.signing.credentials();
    const output = await next({ ...args, request: await signer.sign(args.request, identity, signingProperties) }).catch(signer.errorHandler(signingProperties));
    signer.successHandler(output.response, signingProperties);
    return output;
  };

/**
 * Makes a freshly built client shareable: it can no longer sign by itself, and signs an attached account's
 * requests. Throws when the SDK does not look as this was proven against (then nothing is shared wrongly).
 */
export function prepareSharedClient(client: unknown): void {
  const c = client as SharedSdkClient;
  // A cached middleware chain would share one context (and its account) between sends.
  if (c.config.cacheMiddleware === true) throw new Error('A shared SDK client must not cache its middleware chain.');
  c.config.signer = () => Promise.reject(noAccountError());
  if (!c.middlewareStack.remove('httpSigningMiddleware')) throw new Error('This SDK client has no httpSigningMiddleware to replace.');
  c.middlewareStack.addRelativeTo(accountSigningMiddleware, {
    name: 'httpSigningMiddleware',
    tags: ['HTTP_SIGNING'],
    relation: 'after',
    toMiddleware: 'retryMiddleware',
    override: true,
  });
}

/** An account's signing for one shared client. */
export interface AccountSigning {
  /** What the SDK's SigV4 signer reads as `config` when it signs the account's requests. */
  readonly config: object;
  /** The account's credentials, as the SDK resolves a client's (memoized until they are about to expire). */
  readonly credentials: AwsCredentialIdentityProvider;
}

/**
 * An account's signing configuration for one shared client: the client's resolved configuration underneath
 * (signing name, region provider, signer class, escaping, hash), with the account's own credentials, signer
 * and clock offset on top, built by the SDK's own resolver (resolveAwsSdkSigV4Config) as it does for a client.
 * Own properties only are written: `credentials` is an accessor on the shared configuration whose setter would
 * replace the shared client's credentials, so it is defined here, never assigned.
 */
export function accountSigning(sharedConfig: object, credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider): AccountSigning {
  const own = Object.create(sharedConfig) as Record<string, unknown>;
  for (const [key, value] of [
    ['credentials', credentials],
    // Absent, the SDK's resolver would take the shared configuration's signer (which rejects).
    ['signer', undefined],
  ] as const) {
    Object.defineProperty(own, key, { value, writable: true, enumerable: true, configurable: true });
  }
  const config = resolveAwsSdkSigV4Config(own as unknown as Parameters<typeof resolveAwsSdkSigV4Config>[0]) as unknown as SignerConfig & {
    credentials: AwsCredentialIdentityProvider;
  };
  reuseSigner(config);
  return { config, credentials: config.credentials };
}

/** The parts of a (signing) configuration reuseSigner adjusts. */
export interface SignerConfig {
  signer: (authScheme?: unknown) => Promise<object>;
  signingRegion?: string;
  signingName?: string;
  credentials?: unknown;
}

type SigningKeyDeriver = (credentials: AwsCredentialIdentity, region: string, shortDate: string, service?: string) => Promise<Uint8Array>;

/**
 * The SDK's signer provider (resolveAwsSdkSigV4Config) builds a new SignatureV4 for every request, from a
 * copy of the whole configuration. What it reads from the request's auth scheme (signing region and name) it
 * writes into the configuration on first use and reads from there afterwards, so every later call builds the
 * same signer. This keeps the first one and hands it out again while the signing region, signing name and
 * credentials provider are those it was built with. The signer asks the credentials provider at every request,
 * as before (a renewed role session is used at once). One per account x client: never another account's.
 */
export function reuseSigner(config: SignerConfig): void {
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
 * cache mostly missed. An account's signer for a client signs for one scope: it keeps the last key it derived,
 * for the same credentials object (a renewed session is a new object), region, date and service.
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
