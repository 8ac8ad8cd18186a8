/**
 * Starts a private PostgreSQL server for the store tests: `initdb` into a fresh temp directory, then
 * `postgres` on a free 127.0.0.1 port (no Unix socket), password authentication with a random password.
 * `stop()` ends exactly that server and deletes its directory; nothing else on the machine is touched.
 *
 *   const found = findPostgres();            // null + reason when the binaries are absent: skip the suite
 *   const pg = await startPostgres(found);
 *   const url = await pg.createDatabase();   // a fresh, empty database per test
 *   await pg.stop();
 *
 * Binaries: FTR_PG_BIN, then `initdb` on PATH, then the newest /usr/lib/postgresql/<n>/bin (Debian's
 * `postgresql` package, installed by .ci/run).
 *
 * initdb and postgres refuse to run as root. When the tests run as root (CI here does), the server runs as
 * the `postgres` system user that Debian's package creates (`setpriv`, which execs without forking, so the
 * child's pid is the server's own), and the temp directory is handed to that user.
 *
 * A watchdog keeps a crash from leaking a server: the server's stdin is a pipe from this process, and a
 * tiny shell loop sends the server SIGINT (fast shutdown) once that pipe closes, which also happens when
 * this process dies by a signal and no exit handler runs.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';
import { freePort } from './moto-server.js';

export interface PostgresBinaries {
  readonly binDir: string;
  /** e.g. "15.18". */
  readonly version: string;
  /** Set when running as root: the unprivileged user the server runs as. */
  readonly runAs: { readonly name: string; readonly uid: number; readonly gid: number } | null;
}

export type FindPostgresResult = { readonly ok: true; readonly binaries: PostgresBinaries } | { readonly ok: false; readonly reason: string };

export interface PostgresServer {
  /** `postgres://ftr:PASSWORD@127.0.0.1:PORT/postgres` (the maintenance database). */
  readonly adminUrl: string;
  readonly port: number;
  /** The postgres server's process id (the only process `stop()` ends). */
  readonly pid: number;
  readonly version: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Fast shutdown, waits for the exit, deletes the data directory. Idempotent. */
  stop(): Promise<void>;
}

function binDirCandidates(): string[] {
  const dirs: string[] = [];
  if (process.env.FTR_PG_BIN) dirs.push(process.env.FTR_PG_BIN);
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir) dirs.push(dir);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) dirs.push(join(debian, v, 'bin'));
  }
  return dirs;
}

/** Finds initdb + postgres, and who to run them as. Never throws: a missing piece is a reason to skip. */
export function findPostgres(): FindPostgresResult {
  const binDir = binDirCandidates().find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres')));
  if (!binDir) return { ok: false, reason: 'PostgreSQL server binaries (initdb, postgres) not found: install the Debian package postgresql, or set FTR_PG_BIN' };
  const versionRun = spawnSync(join(binDir, 'postgres'), ['--version'], { encoding: 'utf8' });
  const version = /(\d+(?:\.\d+)?)/.exec(versionRun.stdout ?? '')?.[1];
  if (!version) return { ok: false, reason: `${join(binDir, 'postgres')} --version did not print a version` };
  let runAs: PostgresBinaries['runAs'] = null;
  if (process.getuid?.() === 0) {
    const user = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (user.status !== 0 || group.status !== 0) {
      return { ok: false, reason: 'running as root, and there is no "postgres" user to run the server as (initdb refuses root)' };
    }
    runAs = { name: 'postgres', uid: Number(user.stdout.trim()), gid: Number(group.stdout.trim()) };
  }
  return { ok: true, binaries: { binDir, version, runAs } };
}

/** The command line for a binary, wrapped in setpriv when we must drop root. */
function asServerUser(binaries: PostgresBinaries, command: string, args: readonly string[]): [string, string[]] {
  if (!binaries.runAs) return [command, [...args]];
  const { uid, gid } = binaries.runAs;
  return ['setpriv', [`--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', '--reset-env', command, ...args]];
}

/** `exec`s the server so its pid is the child's; the background loop is the watchdog (see the header). */
const WATCHDOG = 'exec 3<&0; ( while read -r _ <&3; do :; done; kill -INT $$ 2>/dev/null ) & exec "$@"';

const live = new Set<{ child: ChildProcess; dir: string }>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Synchronous: only signal our own servers; their watchdogs also fire when our pipes close.
  process.on('exit', () => {
    for (const { child } of live) if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startPostgres(binaries: PostgresBinaries, options: { startTimeoutMs?: number } = {}): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ftr-pg-'));
  const dataDir = join(dir, 'data');
  const password = randomBytes(18).toString('base64url');
  const pwFile = join(dir, 'pwfile');
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (binaries.runAs) {
    chownSync(dir, binaries.runAs.uid, binaries.runAs.gid);
    chownSync(pwFile, binaries.runAs.uid, binaries.runAs.gid);
  }
  const cleanup = () => rmSync(dir, { recursive: true, force: true });

  const [initCmd, initArgs] = asServerUser(binaries, join(binaries.binDir, 'initdb'), [
    '-D', dataDir, '-U', 'ftr', `--pwfile=${pwFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-sync',
  ]);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) {
    cleanup();
    throw new Error(`initdb failed (exit ${String(init.status)}): ${(init.stderr || init.stdout || String(init.error)).slice(-2_000)}`);
  }

  const port = await freePort();
  const [cmd, args] = asServerUser(binaries, '/bin/sh', [
    '-c', WATCHDOG, 'sh', join(binaries.binDir, 'postgres'),
    '-D', dataDir, '-p', String(port),
    '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
    // A throw-away test server: durability settings off for speed.
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
  ]);
  const child = spawn(cmd, args, { stdio: ['pipe', 'ignore', 'pipe'] });
  const entry = { child, dir };
  live.add(entry);
  installExitHook();
  let stderrTail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderrTail = (stderrTail + chunk).slice(-4_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let spawnError: Error | undefined;
  child.once('error', (err) => (spawnError = err));
  const running = () => child.exitCode === null && child.signalCode === null && spawnError === undefined;

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (running()) {
      child.kill('SIGINT');
      const timer = setTimeout(() => running() && child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    child.stdin?.end();
    live.delete(entry);
    cleanup();
  };

  const adminUrl = `postgres://ftr:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (spawnError) {
      await stop();
      throw new Error(`Could not start postgres: ${spawnError.message}`);
    }
    if (!running()) {
      await stop();
      throw new Error(`postgres exited during start-up: ${stderrTail}`);
    }
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('select 1');
      await client.end();
      break;
    } catch {
      await client.end().catch(() => undefined);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`postgres did not accept connections on port ${port} in time: ${stderrTail}`);
    }
    await sleep(100);
  }

  let counter = 0;
  return {
    adminUrl,
    port,
    pid: child.pid ?? -1,
    version: binaries.version,
    createDatabase: async (name?: string) => {
      counter += 1;
      const db = name ?? `ftr_test_${counter}`;
      if (!/^[a-z_][a-z0-9_]*$/.test(db)) throw new Error(`unsafe database name ${db}`);
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`create database ${db}`);
      } finally {
        await client.end();
      }
      return adminUrl.replace(/\/postgres$/, `/${db}`);
    },
    stop,
  };
}

/** Who the tests run as, for the skip message. */
export function currentUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return String(process.getuid?.() ?? '?');
  }
}
