/**
 * A tiny OpenID Connect provider on a free 127.0.0.1 port for the team-mode tests: discovery, JWKS, an
 * authorization endpoint that answers at once (no login page) and a token endpoint that checks PKCE and
 * the client secret and returns an RS256 ID token. `nextIdentity` and `tamper` steer what it issues.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeIdentity {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

interface PendingCode {
  readonly nonce: string | undefined;
  readonly challenge: string | undefined;
  readonly redirectUri: string;
  readonly identity: FakeIdentity;
}

export interface FakeOidcProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Who the next authorization signs in. */
  nextIdentity: FakeIdentity;
  /** Issue the ID token with this nonce instead of the one asked for (nonce-mismatch test). */
  tamper: { nonce?: string };
  /** Token requests received (to prove a refused callback never reached it, or did). */
  tokenRequests: number;
  stop(): Promise<void>;
}

const b64url = (v: Buffer | string) => Buffer.from(v).toString('base64url');

function signJwt(privateKey: KeyObject, kid: string, payload: Record<string, unknown>): string {
  const input = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${b64url(sign('RSA-SHA256', Buffer.from(input), privateKey))}`;
}

export async function startFakeOidcProvider(): Promise<FakeOidcProvider> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(4).toString('hex');
  const codes = new Map<string, PendingCode>();
  const clientId = 'ftr-dashboard';
  const clientSecret = randomBytes(16).toString('hex');
  let issuer = '';

  const provider: FakeOidcProvider = {
    get issuer() {
      return issuer;
    },
    clientId,
    clientSecret,
    nextIdentity: { sub: 'user-1', email: 'ada@example.com', email_verified: true, name: 'Ada' },
    tamper: {},
    tokenRequests: 0,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
      json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/jwks') {
      json(200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/authorize') {
      const p = url.searchParams;
      if (p.get('client_id') !== clientId || p.get('response_type') !== 'code') {
        json(400, { error: 'invalid_request' });
        return;
      }
      const code = randomBytes(16).toString('hex');
      const redirectUri = p.get('redirect_uri') ?? '';
      codes.set(code, { nonce: p.get('nonce') ?? undefined, challenge: p.get('code_challenge') ?? undefined, redirectUri, identity: { ...provider.nextIdentity } });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', p.get('state') ?? '');
      res.writeHead(302, { location: back.href });
      res.end();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      provider.tokenRequests += 1;
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(raw);
        const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
        const [id, secret] = basic
          ? Buffer.from(basic[1]!, 'base64').toString().split(':').map((s) => decodeURIComponent(s))
          : [form.get('client_id'), form.get('client_secret')];
        if (id !== clientId || secret !== clientSecret) return json(401, { error: 'invalid_client' });
        const pending = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        if (!pending || form.get('grant_type') !== 'authorization_code' || form.get('redirect_uri') !== pending.redirectUri) return json(400, { error: 'invalid_grant' });
        const verifier = form.get('code_verifier') ?? '';
        if (pending.challenge !== createHash('sha256').update(verifier).digest('base64url')) return json(400, { error: 'invalid_grant', error_description: 'PKCE' });
        const now = Math.floor(Date.now() / 1000);
        const nonce = provider.tamper.nonce ?? pending.nonce;
        const idToken = signJwt(privateKey, kid, { iss: issuer, aud: clientId, iat: now, exp: now + 300, ...(nonce !== undefined ? { nonce } : {}), ...pending.identity });
        return json(200, { access_token: randomBytes(16).toString('hex'), token_type: 'Bearer', expires_in: 300, id_token: idToken });
      });
      return;
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return provider;
}
