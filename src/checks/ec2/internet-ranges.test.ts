import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrFamily, isInternetWide, publicAddressCount } from './internet-ranges.js';

const wide = (...cidrs: string[]) => isInternetWide(publicAddressCount(cidrs));

describe('open to the internet', () => {
  it.each([
    [['0.0.0.0/0'], true],
    [['::/0'], true],
    [['0.0.0.0/1'], true],
    [['128.0.0.0/2'], true],
    [['2000::/3'], true],
    [['3.0.0.0/8'], true],
    [['10.0.0.0/8'], false],
    [['172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'], false],
    [['52.0.0.0/11'], false],
    [['203.0.113.7/32'], false],
    [['fc00::/7'], false],
    [['2001:db8::/32'], false],
    [['2a05:d000::/25'], false],
    [['garbage', '10.0.0.0/33'], false],
  ])('%j -> %s', (cidrs, expected) => {
    expect(wide(...cidrs)).toBe(expected);
  });

  it('counts the union of several narrower ranges (0.0.0.0/0 split across rules)', () => {
    expect(wide('0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/2', '192.0.0.0/2')).toBe(true);
    expect(wide('3.0.0.0/9', '3.128.0.0/9')).toBe(true);
    expect(wide('3.0.0.0/9', '3.0.0.0/9')).toBe(false);
  });

  it('counts only public addresses: 10.0.0.0/7 holds a /8 of public space (11/8), 10.0.0.0/8 none', () => {
    expect(publicAddressCount(['10.0.0.0/7']).ipv4).toBe(2n ** 24n);
    expect(publicAddressCount(['10.0.0.0/8']).ipv4).toBe(0n);
  });

  it('validates CIDRs instead of trusting the input', () => {
    expect(cidrFamily('0.0.0.0/0')).toBe('ipv4');
    expect(cidrFamily('::/0')).toBe('ipv6');
    expect(cidrFamily('10.0.0.0/33')).toBeNull();
    expect(cidrFamily('not-a-cidr')).toBeNull();
  });

  it('property: 0.0.0.0/0 split into its 2^k /k blocks (over any number of rules) is still the internet', () => {
    expect(() =>
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 8 }), (k) => {
          const blocks = Array.from({ length: 2 ** k }, (_, i) => `${(i << (8 - k)) & 0xff}.0.0.0/${k}`);
          return wide(...blocks);
        }),
      ),
    ).not.toThrow();
  });

  it('property: a range counts as many public addresses as its two halves together', () => {
    expect(() =>
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 31 }), (n, prefix) => {
          const base = prefix === 0 ? 0 : (n >>> (32 - prefix)) << (32 - prefix) >>> 0;
          const ip = (v: number) => [24, 16, 8, 0].map((sh) => (v >>> sh) & 255).join('.');
          const half = 2 ** (31 - prefix);
          const whole = publicAddressCount([`${ip(base)}/${prefix}`]).ipv4;
          const halves = publicAddressCount([`${ip(base)}/${prefix + 1}`, `${ip(base + half)}/${prefix + 1}`]).ipv4;
          return whole === halves;
        }),
        { numRuns: 200 },
      ),
    ).not.toThrow();
  });

  it('property: private and special-purpose ranges are never the internet', () => {
    const specials = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', 'fc00::/7', 'fe80::/10', 'ff00::/8'];
    expect(() => fc.assert(fc.property(fc.subarray(specials), (subset) => !wide(...subset)))).not.toThrow();
  });
});
