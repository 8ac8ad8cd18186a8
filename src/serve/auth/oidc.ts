/**
 * OIDC sign-in (authorization code flow with PKCE, state and nonce) through openid-client 6. The flow's
 * secrets (state, nonce, PKCE verifier) travel in a signed, HttpOnly, 10-minute cookie of the browser
 * that started it, so a callback from another browser or a replayed/forged one fails the state check.
 * The provider's metadata is discovered on first use and kept; a failed discovery is retried next time.
 */
import * as client from 'openid-client';
import { UserError } from '../../core/errors.js';
import { isLoopbackHost } from './first-run.js';
import type { OidcOptions } from './options.js';

export interface OidcFlow {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  readonly next: string;
  /** Epoch ms after which the callback is refused. */
  readonly expiresAt: number;
}

export interface OidcIdentity {
  readonly issuer: string;
  readonly subject: string;
  readonly email: string | null;
  readonly emailVerified: boolean;
  readonly name: string | null;
}

export class OidcSignIn {
  readonly label: string;
  private readonly options: OidcOptions;
  private config: Promise<client.Configuration> | undefined;

  constructor(options: OidcOptions) {
    if (options.allowInsecureHttp === true && !isLoopbackHost(new URL(options.issuer).hostname)) {
      throw new UserError(`An http:// OIDC issuer is accepted for a provider on this machine only (tests), not ${new URL(options.issuer).host}.`);
    }
    this.options = options;
    this.label = options.label ?? 'single sign-on';
  }

  private configuration(): Promise<client.Configuration> {
    this.config ??= client
      .discovery(new URL(this.options.issuer), this.options.clientId, this.options.clientSecret, undefined, {
        // Tests against a fake provider on 127.0.0.1 only; the library marks this deprecated to make it stand out.
        // eslint-disable-next-line @typescript-eslint/no-deprecated
        ...(this.options.allowInsecureHttp === true ? { execute: [client.allowInsecureRequests] } : {}),
        timeout: 10,
      })
      .catch((err: unknown) => {
        this.config = undefined;
        throw err;
      });
    return this.config;
  }

  /** The provider's authorization URL and the flow to remember in the browser's cookie. */
  async start(next: string, now: number, flowMs: number): Promise<{ url: URL; flow: OidcFlow }> {
    const config = await this.configuration();
    const verifier = client.randomPKCECodeVerifier();
    const flow: OidcFlow = { state: client.randomState(), nonce: client.randomNonce(), verifier, next, expiresAt: now + flowMs };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.options.redirectUrl,
      scope: this.options.scope ?? 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { url, flow };
  }

  /**
   * Exchanges the code of the callback (`search`: the callback's query string) and checks state, nonce,
   * PKCE, the ID token's signature, issuer, audience and times. Throws when anything does not match.
   */
  async finish(search: string, flow: OidcFlow): Promise<OidcIdentity> {
    const config = await this.configuration();
    // The URL the provider redirected to, as registered (the server may see another host behind a proxy).
    const currentUrl = new URL(this.options.redirectUrl);
    currentUrl.search = search;
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (claims === undefined) throw new Error('the provider returned no ID token');
    const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
    return {
      issuer: claims.iss,
      subject: claims.sub,
      email: text(claims.email)?.toLowerCase() ?? null,
      emailVerified: claims.email_verified === true,
      name: text(claims.name),
    };
  }
}

/** A short, content-free reason for the audit log (openid-client's error codes, never token contents). */
export function oidcFailureReason(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
  const name = err instanceof Error ? err.name : 'Error';
  return /^[A-Za-z]+$/.test(name) ? name : 'Error';
}
