/** `ftr users` in-process on a SQLite store: add (stdin password / OIDC), list, set-role, disable, refusals. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../store/db.js';
import { usersAdd, usersDisable, usersList, usersSetRole, type UsersIo } from './users.js';

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftr-users-cli-'));
  db = join(dir, 'team.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(stdin = '') {
  const lines: string[] = [];
  const value: UsersIo = { out: (l) => lines.push(l), readStdin: () => Promise.resolve(stdin) };
  return { lines, io: value };
}

describe('ftr users', () => {
  it('adds the first admin from a stdin password, an OIDC user, lists, changes roles and disables', async () => {
    const a = io('a long enough password\n'.replace(/\n$/, ''));
    expect(await usersAdd({ db, email: 'Ada@Example.com', name: 'Ada', role: 'admin', passwordStdin: true, oidc: false }, a.io)).toBe(0);
    expect(a.lines).toEqual(['Added ada@example.com as admin (password sign-in).']);
    const b = io();
    await usersAdd({ db, email: 'bob@example.com', role: 'viewer', passwordStdin: false, oidc: true }, b.io);
    expect(b.lines[0]).toContain('(OIDC sign-in)');

    const list = io();
    await usersList({ db, json: true }, list.io);
    const rows = JSON.parse(list.lines.join('\n'));
    expect(rows.map((r: { email: string; role: string; password: boolean }) => [r.email, r.role, r.password])).toEqual([
      ['ada@example.com', 'admin', true],
      ['bob@example.com', 'viewer', false],
    ]);
    expect(JSON.stringify(rows)).not.toContain('argon2');

    await usersSetRole({ db, email: 'bob@example.com', role: 'attester' }, io().io);
    await expect(usersSetRole({ db, email: 'ada@example.com', role: 'viewer' }, io().io)).rejects.toThrow(/last active admin/);
    await expect(usersDisable({ db, email: 'ada@example.com' }, io().io)).rejects.toThrow(/last active admin/);
    await usersDisable({ db, email: 'bob@example.com' }, io().io);

    const store = await openStore({ engine: 'sqlite', file: db });
    try {
      const actions = (await store.audit.list()).map((e) => [e.action, e.actor.startsWith('cli:')]);
      expect(actions).toEqual([
        ['user.disable', true],
        ['user.role', true],
        ['user.create', true],
        ['user.create', true],
      ]);
      expect((await store.users.findByEmail('ada@example.com'))?.passwordHash).toMatch(/^\$argon2id\$/);
    } finally {
      await store.close();
    }
  });

  it('refuses a short password, a missing sign-in method, an unknown role or user, with what to do', async () => {
    await expect(usersAdd({ db, email: 'c@example.com', role: 'viewer', passwordStdin: true, oidc: false }, io('short').io)).rejects.toThrow(/at least 12 characters/);
    await expect(usersAdd({ db, email: 'c@example.com', role: 'viewer', passwordStdin: false, oidc: false }, io().io)).rejects.toThrow(/--password-stdin .* or --oidc/);
    await expect(usersAdd({ db, email: 'c@example.com', role: 'owner', passwordStdin: false, oidc: true }, io().io)).rejects.toThrow(/Unknown role "owner"/);
    await expect(usersSetRole({ db, email: 'nobody@example.com', role: 'admin' }, io().io)).rejects.toThrow(/No user nobody@example.com/);
  });
});
