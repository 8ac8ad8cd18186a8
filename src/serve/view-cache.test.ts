/** The dashboard's view cache: least-recently-used eviction, shared loads, failed loads not kept. */
import { describe, expect, it } from 'vitest';
import { LruCache } from './view-cache.js';

describe('LruCache', () => {
  it('evicts the least recently used entry; a read counts as a use', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('peek does not change the order; delete removes', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.peek('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('a')).toBeUndefined();
    cache.delete('b');
    expect(cache.size).toBe(1);
  });
});
