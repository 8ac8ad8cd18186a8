/**
 * How commands reach the workspace store: `--db <file|postgres://...>`, else the FTR_DB environment
 * variable (keeps a PostgreSQL password out of the shell history and the process list), else the default
 * SQLite file under the user's data directory.
 */
import { openStore, type Store } from '../store/db.js';
import { resolveDbLocation, type StoreLocation } from '../store/location.js';

/** `--db` as commander gives it: a value, `true` for a bare `--db`, or undefined. */
export type DbOption = string | boolean | undefined;

export function storeLocation(option: DbOption, env: NodeJS.ProcessEnv = process.env): StoreLocation {
  if (typeof option === 'string' && option !== '') return resolveDbLocation(option, env);
  const fromEnv = env.FTR_DB;
  return resolveDbLocation(fromEnv !== undefined && fromEnv !== '' ? fromEnv : undefined, env);
}

/** Opens the store, runs `fn`, and always closes it. */
export async function withStore<T>(option: DbOption, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeLocation(option));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/**
 * Text from AWS, from files or from other users, made safe for a terminal: control characters (escape
 * sequences could rewrite the screen) become "?".
 */
export function terminalSafe(text: string): string {
  return text.replace(/\p{Cc}/gu, '?');
}
