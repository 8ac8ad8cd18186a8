/**
 * What "open to the internet" means for a set of network sources, decided with a CIDR library (cidr-tools:
 * parsing, merging and subtracting IPv4 and IPv6 ranges as BigInts), never by comparing strings.
 *
 * A set of sources is open to the internet when the publicly routable addresses it admits add up to at
 * least as many as an IPv4 /8 (2^24 addresses) or an IPv6 /16 (2^112 addresses). No single organisation's
 * network is that large, so a rule admitting that much public space admits arbitrary third parties:
 * `0.0.0.0/0` and `::/0` of course, but also `0.0.0.0/1`, `128.0.0.0/2`, `2000::/3`, the same space split
 * over several rules, or a prefix list that holds it. Private and special-purpose ranges (RFC 1918, CGNAT,
 * loopback, link-local, documentation, multicast, reserved; for IPv6 everything outside global unicast
 * 2000::/3) are not public and never count. See docs/decisions/0006-open-to-the-internet.md.
 */
import { excludeCidr, mergeCidr, parseCidr } from 'cidr-tools';

/** IPv4 ranges that are not globally reachable (IANA IPv4 Special-Purpose Address Registry, multicast, reserved). */
const NON_PUBLIC_IPV4 = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
];
/** IPv6 global unicast, less the documentation and benchmarking prefixes inside it. */
const GLOBAL_UNICAST_IPV6 = '2000::/3';
const NON_PUBLIC_IPV6_IN_GLOBAL = ['2001:db8::/32', '3fff::/20', '2001:2::/48'];

/** Every public address, as merged CIDRs (computed once). */
export const PUBLIC_SPACE: Readonly<Record<AddressFamily, readonly string[]>> = {
  ipv4: excludeCidr(['0.0.0.0/0'], NON_PUBLIC_IPV4),
  ipv6: excludeCidr([GLOBAL_UNICAST_IPV6], NON_PUBLIC_IPV6_IN_GLOBAL),
};

export type AddressFamily = 'ipv4' | 'ipv6';

/** The least public space, per family, that makes a set of sources "the internet". */
export const INTERNET_MIN_PUBLIC_ADDRESSES: Readonly<Record<AddressFamily, bigint>> = {
  ipv4: 2n ** 24n,
  ipv6: 2n ** 112n,
};

/** Family and prefix length of a CIDR (a single address is a /32 or /128), or null when it is not valid. */
export function parseNetwork(cidr: string): { readonly family: AddressFamily; readonly prefix: number } | null {
  try {
    const parsed = parseCidr(cidr.trim());
    const max = parsed.version === 4 ? 32 : 128;
    if (parsed.prefixPresent && !/^\d{1,3}$/.test(parsed.prefix)) return null;
    const prefix = parsed.prefixPresent ? Number(parsed.prefix) : max;
    if (prefix > max) return null;
    return { family: parsed.version === 4 ? 'ipv4' : 'ipv6', prefix };
  } catch {
    return null;
  }
}

/** The family of a CIDR (or single address), or null when it is not a valid one. */
export function cidrFamily(cidr: string): AddressFamily | null {
  return parseNetwork(cidr)?.family ?? null;
}

/** Only the valid CIDRs of `cidrs`, split by family. */
function byFamily(cidrs: readonly string[]): Record<AddressFamily, string[]> {
  const out: Record<AddressFamily, string[]> = { ipv4: [], ipv6: [] };
  for (const c of cidrs) {
    const family = cidrFamily(c);
    if (family) out[family].push(c.trim());
  }
  return out;
}

function size(cidrs: readonly string[]): bigint {
  let total = 0n;
  for (const c of cidrs) {
    const { start, end } = parseCidr(c);
    total += end - start + 1n;
  }
  return total;
}

/** The part of `a` that lies in `b` (both lists of CIDRs of one family). */
export function intersectCidr(a: readonly string[], b: readonly string[]): string[] {
  if (a.length === 0 || b.length === 0) return [];
  return excludeCidr([...a], excludeCidr([...a], [...b]));
}

/** `a` without `b`. */
export function subtractCidr(a: readonly string[], b: readonly string[]): string[] {
  if (a.length === 0) return [];
  if (b.length === 0) return mergeCidr([...a]);
  return excludeCidr([...a], [...b]);
}

export interface PublicAddressCount {
  readonly ipv4: bigint;
  readonly ipv6: bigint;
}

/** How many distinct public addresses the sources admit together (overlaps counted once). */
export function publicAddressCount(cidrs: readonly string[]): PublicAddressCount {
  const split = byFamily(cidrs);
  return {
    ipv4: size(intersectCidr(split.ipv4, PUBLIC_SPACE.ipv4)),
    ipv6: size(intersectCidr(split.ipv6, PUBLIC_SPACE.ipv6)),
  };
}

/** Whether the sources together admit the internet (see the file comment for the threshold). */
export function isInternetWide(count: PublicAddressCount): boolean {
  return count.ipv4 >= INTERNET_MIN_PUBLIC_ADDRESSES.ipv4 || count.ipv6 >= INTERNET_MIN_PUBLIC_ADDRESSES.ipv6;
}

/** Whether a single source holds any public address (for listing the sources that contribute). */
export function holdsPublicAddresses(cidr: string): boolean {
  const count = publicAddressCount([cidr]);
  return count.ipv4 > 0n || count.ipv6 > 0n;
}

/** "2,147,483,648 public IPv4 addresses" style text for messages. */
export function describePublicCount(count: PublicAddressCount): string {
  const parts: string[] = [];
  if (count.ipv4 > 0n) parts.push(`${count.ipv4.toLocaleString('en-US')} public IPv4 addresses`);
  if (count.ipv6 > 0n) parts.push(`2^${bitLength(count.ipv6)} public IPv6 addresses`);
  return parts.join(' and ') || 'no public address';
}

/** floor(log2(n)) for a positive BigInt: IPv6 counts are only readable as powers of two. */
function bitLength(n: bigint): number {
  return n.toString(2).length - 1;
}
