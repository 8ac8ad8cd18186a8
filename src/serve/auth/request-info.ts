/** What the auth layer needs to know about a request: client address, scheme, origin. */
import type { Context } from 'hono';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** The Node socket's address (what @hono/node-server passes as c.env.incoming), or X-Forwarded-For's last hop. */
export function defaultClientIp(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    // The proxy appends the address it saw; entries before it are whatever the client sent.
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => h.trim()).filter((h) => h !== '');
    const last = hops.at(-1);
    if (last !== undefined) return last;
  }
  const env = c.env as NodeBindings | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

export function requestIsHttps(c: Context, trustProxy: boolean): boolean {
  if (trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

/** The origin a same-site form post carries in its Origin header. */
export function expectedOrigin(c: Context, trustProxy: boolean, publicOrigin: string | undefined): string {
  if (publicOrigin !== undefined) return new URL(publicOrigin).origin;
  const url = new URL(c.req.url);
  if (trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
    if (proto !== undefined && proto !== '') url.protocol = `${proto}:`;
    if (host !== undefined && host !== '') url.host = host;
  }
  return url.origin;
}

/** `next` after sign-in: only a path on this site (no //host, no scheme), else the home page. */
export function safeNextPath(next: string | undefined, home: string): string {
  if (next === undefined || next === '') return home;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /[\r\n]/.test(next)) return home;
  return next;
}
