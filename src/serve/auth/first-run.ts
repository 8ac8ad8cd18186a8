/**
 * `ftr serve` on anything but loopback is team mode: it needs sign-in, so at least one active admin must
 * exist before it starts. This is the check (and its instructions) the serve command calls.
 */
import { isIP } from 'node:net';
import { UserError } from '../../core/errors.js';
import type { Store } from '../../store/db.js';

/** 127.0.0.0/8, ::1 and localhost: only this machine can connect. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (h.startsWith('::ffff:')) return isLoopbackHost(h.slice(7));
  return false;
}

/** Throws (exit 2) with what to do when `host` is not loopback and the store has no active admin. */
export async function assertTeamModeReady(store: Store, host: string): Promise<void> {
  if (isLoopbackHost(host)) return;
  if ((await store.users.countActiveAdmins()) > 0) return;
  throw new UserError(
    [
      `ftr serve --host ${host} makes the dashboard reachable from other machines, so it requires sign-in, but the store ${store.description} has no admin account.`,
      'Create the first admin, then start ftr serve again:',
      '  printf "%s" "$PASSWORD" | ftr users add --email you@example.com --role admin --password-stdin --db <the same store>',
      'or, for OIDC sign-in only:  ftr users add --email you@example.com --role admin --oidc --db <the same store>',
      'Or bind to 127.0.0.1 (the default) for a single-user dashboard.',
    ].join('\n'),
  );
}
