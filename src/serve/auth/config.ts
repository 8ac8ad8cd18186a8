/**
 * Team mode's settings from the environment, for `ftr serve` to pass to createAuth. The OIDC client
 * secret comes only from the environment: ftr-ready never writes it to a file or prints it.
 *
 *   FTR_OIDC_ISSUER         https://login.example.com/realms/acme (enables OIDC sign-in)
 *   FTR_OIDC_CLIENT_ID      the client registered at the provider
 *   FTR_OIDC_CLIENT_SECRET  its secret
 *   FTR_OIDC_REDIRECT_URL   https://ftr.example.com/auth/oidc/callback (registered at the provider)
 *   FTR_OIDC_LABEL          button text, "Sign in with <label>" (optional)
 *   FTR_OIDC_AUTO_ROLE      viewer|attester|admin: create unknown users with this role (optional; default refuse)
 *   FTR_AUTH_PASSWORDS      "off" to allow OIDC sign-in only (default on)
 *   FTR_AUTH_SECRET         key for the anonymous visitor's signed cookies when several processes serve
 */
import { UserError } from '../../core/errors.js';
import type { OidcOptions } from './options.js';
import { parseRole } from './user-admin.js';

export interface AuthEnvSettings {
  readonly oidc: OidcOptions | undefined;
  readonly passwords: boolean;
  readonly secret: string | undefined;
}

export function authSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): AuthEnvSettings {
  const get = (name: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const issuer = get('FTR_OIDC_ISSUER');
  let oidc: OidcOptions | undefined;
  if (issuer !== undefined) {
    const clientId = get('FTR_OIDC_CLIENT_ID');
    const clientSecret = get('FTR_OIDC_CLIENT_SECRET');
    const redirectUrl = get('FTR_OIDC_REDIRECT_URL');
    const missing = ['FTR_OIDC_CLIENT_ID', 'FTR_OIDC_CLIENT_SECRET', 'FTR_OIDC_REDIRECT_URL'].filter((n) => get(n) === undefined);
    if (clientId === undefined || clientSecret === undefined || redirectUrl === undefined) throw new UserError(`FTR_OIDC_ISSUER is set, so OIDC sign-in also needs ${missing.join(', ')} (see docs/workspace.md, "Team mode").`);
    const url = (name: string, value: string) => {
      let parsed: URL;
      try {
        parsed = new URL(value);
      } catch {
        throw new UserError(`${name} is not a URL.`);
      }
      if (parsed.protocol !== 'https:') throw new UserError(`${name} must be an https:// URL.`);
      return parsed.href;
    };
    const autoRole = get('FTR_OIDC_AUTO_ROLE');
    const label = get('FTR_OIDC_LABEL');
    oidc = {
      issuer: url('FTR_OIDC_ISSUER', issuer),
      clientId,
      clientSecret,
      redirectUrl: url('FTR_OIDC_REDIRECT_URL', redirectUrl),
      ...(label !== undefined ? { label } : {}),
      autoCreateRole: autoRole !== undefined ? parseRole(autoRole) : null,
    };
  }
  const passwords = get('FTR_AUTH_PASSWORDS')?.toLowerCase() !== 'off';
  if (!passwords && oidc === undefined) throw new UserError('FTR_AUTH_PASSWORDS=off leaves no way to sign in: configure OIDC (FTR_OIDC_ISSUER, ...) too.');
  return { oidc, passwords, secret: get('FTR_AUTH_SECRET') };
}
