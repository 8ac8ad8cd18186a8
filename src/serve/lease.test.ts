/**
 * One `ftr serve` per store: a second server on the same store refuses to start (it would mark the first
 * one's running scan jobs interrupted), and starts once the first has stopped. The lease itself (takeover of
 * a stale or dead holder, two servers claiming at once) is tested on both engines in store/store.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCommand } from '../cli/commands/serve.js';
import { UserError } from '../core/errors.js';
import { openStore } from '../store/db.js';
import { processAlive } from './lease.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftr-serve-lease-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ftr serve on a store another server uses', () => {
  it('refuses to start while the first runs, naming it, and starts after it stopped', async () => {
    const db = join(dir, 'shared.db');
    let stopFirst: () => void = () => undefined;
    const listening = new Promise<string>((resolve) => {
      const first = serveCommand({ host: '127.0.0.1', port: 0, db, noSample: true, chromiumPath: undefined, until: new Promise<void>((r) => (stopFirst = r)), onListening: resolve });
      void first.then(() => undefined, () => undefined);
    });
    await listening;

    const second = serveCommand({ host: '127.0.0.1', port: 0, db, noSample: true, chromiumPath: undefined, until: Promise.resolve() });
    await expect(second).rejects.toThrow(UserError);
    await expect(second).rejects.toThrow(new RegExp(`Another ftr serve is using the store .*process ${process.pid} on `));

    const store = await openStore({ engine: 'sqlite', file: db });
    try {
      expect((await store.serveLease.current())?.pid).toBe(process.pid);
    } finally {
      await store.close();
    }

    stopFirst();
    // The first server gives its hold back when it stops: the next one starts.
    await expect.poll(async () => {
      const s = await openStore({ engine: 'sqlite', file: db });
      try {
        return await s.serveLease.current();
      } finally {
        await s.close();
      }
    }).toBeNull();
    await expect(serveCommand({ host: '127.0.0.1', port: 0, db, noSample: true, chromiumPath: undefined, until: Promise.resolve() })).resolves.toBe(0);
  });

  it('tells a live process from a gone one', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(2 ** 22 + 12345)).toBe(false);
  });
});
