/** Small values in cookies that the server must be able to trust again: JSON + HMAC-SHA256. */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function sign(key: Buffer, payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(key, body)}`;
}

/** The payload, or null when the value was not signed with `key` (or is malformed). */
export function unsign(key: Buffer, value: string | undefined): unknown {
  if (value === undefined) return null;
  const dot = value.indexOf('.');
  if (dot <= 0) return null;
  const body = value.slice(0, dot);
  if (!constantTimeEqual(value.slice(dot + 1), mac(key, body))) return null;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

export function mac(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text).digest('base64url');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
