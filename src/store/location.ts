/**
 * Where the workspace store lives: one SQLite file (default: under the user's data directory) or a
 * PostgreSQL database (`--db postgres://...`). Pure: no file is touched here.
 */
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';

export type StoreEngine = 'sqlite' | 'postgres';

export type StoreLocation =
  | { readonly engine: 'sqlite'; readonly file: string }
  | { readonly engine: 'postgres'; readonly url: string };

/** `$XDG_DATA_HOME/ftr-ready/ftr.db`, else `~/.local/share/ftr-ready/ftr.db` (the XDG default). */
export function defaultDbFile(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const xdg = env.XDG_DATA_HOME;
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const base = xdg !== undefined && xdg !== '' && isAbsolute(xdg) ? xdg : join(home, '.local', 'share');
  return join(base, 'ftr-ready', 'ftr.db');
}

/**
 * Where the dashboard's scan jobs collect (one folder per job id, src/serve/jobs.ts): next to a SQLite
 * store (`<file>.scan-jobs/`), or for PostgreSQL under the user's data directory, one folder per server and
 * database (`ftr-ready/scan-jobs/<host>-<port>-<database>/`). The folders hold snapshot files only.
 */
export function scanJobsFolder(location: StoreLocation, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  if (location.engine === 'sqlite') return `${location.file}.scan-jobs`;
  const url = new URL(location.url);
  const name = `${url.hostname || 'localhost'}-${url.port || '5432'}-${url.pathname.replace(/^\//, '') || 'postgres'}`;
  return join(dirname(defaultDbFile(env, home)), 'scan-jobs', name.replace(/[^A-Za-z0-9._-]+/g, '_'));
}

/** `--db` as given (or absent) -> the store location. A URL that is not PostgreSQL's is refused. */
export function resolveDbLocation(option: string | undefined, env: NodeJS.ProcessEnv = process.env): StoreLocation {
  if (option === undefined || option === '') return { engine: 'sqlite', file: defaultDbFile(env) };
  if (/^postgres(ql)?:\/\//i.test(option)) {
    try {
      new URL(option);
    } catch {
      throw new UserError(`--db: "${redactDbUrl(option)}" is not a valid PostgreSQL URL (postgres://user:password@host:5432/database).`);
    }
    return { engine: 'postgres', url: option };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(option)) {
    throw new UserError(`--db: only a SQLite file path or a postgres:// URL is supported (got "${redactDbUrl(option)}").`);
  }
  return { engine: 'sqlite', file: resolve(option) };
}

/**
 * A URL with its password replaced, safe to print or log. Up to the LAST "@": an unencoded "@" in a
 * password must not leak its tail (redacting too much is harmless, too little is not).
 */
export function redactDbUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:).*@/i, '$1***@');
}

/** For messages: the file, or the redacted URL. */
export function describeLocation(location: StoreLocation): string {
  return location.engine === 'sqlite' ? location.file : redactDbUrl(location.url);
}
