/**
 * `ftr users add|list|set-role|disable`: team-mode accounts for `ftr serve`, so an admin can create the
 * first account before the dashboard is reachable from other machines. Passwords are read from stdin
 * (`--password-stdin`), never from the command line (visible to other users in the process list).
 * The store and the hashing library are imported when a subcommand runs.
 */
import { Option, type Command } from 'commander';
import { EXIT, UserError } from '../../core/errors.js';
import type { DbOption } from '../store-access.js';

const dbOption = () => new Option('--db <location>', 'workspace store: a SQLite file or postgres://... (default: $FTR_DB, else ~/.local/share/ftr-ready/ftr.db)');

/** At most this much is read from stdin for a password (the policy allows 256 characters). */
const MAX_STDIN_BYTES = 4096;

export interface UsersIo {
  readonly out: (line: string) => void;
  /** The password given on stdin (without its final newline). */
  readonly readStdin: () => Promise<string>;
}

export const processIo: UsersIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  readStdin: async () => {
    if (process.stdin.isTTY) throw new UserError('--password-stdin reads the password from a pipe, e.g. printf "%s" "$PASSWORD" | ftr users add ...');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += buffer.length;
      if (size > MAX_STDIN_BYTES) throw new UserError('The password on stdin is too long.');
      chunks.push(buffer);
    }
    return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  },
};

export interface UsersAddOptions {
  readonly db: DbOption;
  readonly email: string;
  readonly name?: string | undefined;
  readonly role: string;
  readonly passwordStdin: boolean;
  readonly oidc: boolean;
}

export async function usersAdd(o: UsersAddOptions, io: UsersIo = processIo): Promise<number> {
  if (o.passwordStdin === o.oidc) {
    throw new UserError(
      'Say how the user signs in: --password-stdin (the password from a pipe: printf "%s" "$PASSWORD" | ftr users add ...) or --oidc (single sign-on; linked on the first sign-in by the verified email).',
    );
  }
  const password = o.passwordStdin ? await io.readStdin() : null;
  const [{ withStore, terminalSafe }, { addUser }, { cliActor }] = await Promise.all([import('../store-access.js'), import('../../serve/auth/user-admin.js'), import('../../store/db.js')]);
  const user = await withStore(o.db, (store) => addUser(store, { email: o.email, name: o.name ?? '', role: o.role, password }, cliActor()));
  io.out(`Added ${terminalSafe(user.email)} as ${user.role} (${password !== null ? 'password' : 'OIDC'} sign-in).`);
  return EXIT.ok;
}

export async function usersList(o: { readonly db: DbOption; readonly json: boolean }, io: UsersIo = processIo): Promise<number> {
  const { withStore, terminalSafe } = await import('../store-access.js');
  const users = await withStore(o.db, (store) => store.users.list());
  if (o.json) {
    io.out(
      JSON.stringify(
        users.map((u) => ({ id: u.id, email: u.email, name: u.displayName, role: u.role, password: u.passwordHash !== null, oidc: u.oidc !== null, createdAt: u.createdAt, disabledAt: u.disabledAt })),
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  if (users.length === 0) {
    io.out('No users. Add the first admin: printf "%s" "$PASSWORD" | ftr users add --email you@example.com --role admin --password-stdin');
    return EXIT.ok;
  }
  for (const u of users) {
    const how = [u.passwordHash !== null ? 'password' : null, u.oidc !== null ? 'oidc' : null].filter((x) => x !== null).join('+') || 'oidc (not linked yet)';
    io.out(`${String(u.id).padStart(4)}  ${terminalSafe(u.email).padEnd(32)} ${u.role.padEnd(9)} ${how.padEnd(22)} ${u.disabledAt !== null ? `disabled ${u.disabledAt}` : 'active'}`);
  }
  return EXIT.ok;
}

async function userByEmail(store: import('../../store/db.js').Store, email: string) {
  const user = await store.users.findByEmail(email);
  if (user === null) throw new UserError(`No user ${email} (see ftr users list).`);
  return user;
}

export async function usersSetRole(o: { readonly db: DbOption; readonly email: string; readonly role: string }, io: UsersIo = processIo): Promise<number> {
  const [{ withStore, terminalSafe }, { setUserRole }, { cliActor }] = await Promise.all([import('../store-access.js'), import('../../serve/auth/user-admin.js'), import('../../store/db.js')]);
  const user = await withStore(o.db, async (store) => setUserRole(store, (await userByEmail(store, o.email)).id, o.role, cliActor()));
  io.out(`${terminalSafe(user.email)} is now ${user.role}.`);
  return EXIT.ok;
}

export async function usersDisable(o: { readonly db: DbOption; readonly email: string }, io: UsersIo = processIo): Promise<number> {
  const [{ withStore, terminalSafe }, { disableUser }, { cliActor }] = await Promise.all([import('../store-access.js'), import('../../serve/auth/user-admin.js'), import('../../store/db.js')]);
  const email = await withStore(o.db, async (store) => {
    const user = await userByEmail(store, o.email);
    await disableUser(store, user.id, cliActor());
    return user.email;
  });
  io.out(`${terminalSafe(email)} is disabled; their sessions are ended.`);
  return EXIT.ok;
}

export function registerUsersCommand(program: Command, setExitCode: (code: number) => void): void {
  const users = program.command('users').description('team-mode accounts of the dashboard (ftr serve): add, list, set-role, disable');
  users
    .command('add')
    .description('add a user (the first admin before `ftr serve --host` on a non-loopback address)')
    .requiredOption('--email <email>', 'the sign-in email')
    .option('--name <name>', 'display name')
    .option('--role <role>', 'viewer | attester | admin', 'viewer')
    .option('--password-stdin', 'read the password from stdin (at least 12 characters)', false)
    .option('--oidc', 'no password: signs in with OIDC (linked on first sign-in by the verified email)', false)
    .addOption(dbOption())
    .action(async (o: { email: string; name?: string; role: string; passwordStdin: boolean; oidc: boolean; db?: DbOption }) => {
      setExitCode(await usersAdd({ db: o.db, email: o.email, name: o.name, role: o.role, passwordStdin: o.passwordStdin, oidc: o.oidc }));
    });
  users
    .command('list')
    .description('list the users, their roles and how they sign in')
    .option('--json', 'print JSON', false)
    .addOption(dbOption())
    .action(async (o: { json: boolean; db?: DbOption }) => {
      setExitCode(await usersList({ db: o.db, json: o.json }));
    });
  users
    .command('set-role')
    .description("change a user's role (the last active admin cannot be demoted)")
    .argument('<email>')
    .argument('<role>', 'viewer | attester | admin')
    .addOption(dbOption())
    .action(async (email: string, role: string, o: { db?: DbOption }) => {
      setExitCode(await usersSetRole({ db: o.db, email, role }));
    });
  users
    .command('disable')
    .description('disable a user and end their sessions (the last active admin cannot be disabled)')
    .argument('<email>')
    .addOption(dbOption())
    .action(async (email: string, o: { db?: DbOption }) => {
      setExitCode(await usersDisable({ db: o.db, email }));
    });
}
