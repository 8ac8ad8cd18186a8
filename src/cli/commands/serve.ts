/**
 * `ftr serve`: the workspace dashboard on http://127.0.0.1:8080 (src/serve/). With an empty store it first
 * records the bundled sample, so a newcomer sees a populated dashboard without AWS credentials. Binding to
 * anything but loopback needs team-mode authentication; until it is configured that is refused (exit 2).
 */
import type { AddressInfo } from 'node:net';
import { EXIT, UserError } from '../../core/errors.js';
import { isLoopbackHost, localAdmin, type AuthSeam } from '../../serve/access.js';
import { storeLocation, type DbOption } from '../store-access.js';

export interface ServeCommandOptions {
  readonly host: string;
  readonly port: number;
  readonly db: DbOption;
  /** Do not record the sample into an empty store. */
  readonly noSample: boolean;
  readonly chromiumPath: string | undefined;
  /** Team mode (src/serve/auth/); undefined until it is configured. */
  readonly auth?: AuthSeam | undefined;
  /** Resolves to stop the server (tests); default: SIGINT / SIGTERM. */
  readonly until?: Promise<void>;
  readonly onListening?: (url: string) => void;
}

export async function serveCommand(options: ServeCommandOptions): Promise<number> {
  if (!isLoopbackHost(options.host) && options.auth === undefined) {
    throw new UserError(
      `Refusing to listen on ${options.host}: the dashboard without authentication is for this machine only (127.0.0.1, ::1, localhost). ` +
        'Team mode (sign-in, roles) must be configured before binding to another address.',
    );
  }
  const { openStore } = await import('../../store/db.js');
  const { ensureSampleWorkspace } = await import('../../serve/workspace.js');
  const { createApp } = await import('../../serve/app.js');
  const { serve } = await import('@hono/node-server');
  const store = await openStore(storeLocation(options.db));
  try {
    const admin = localAdmin();
    if (!options.noSample) {
      const sample = await ensureSampleWorkspace(store, { userId: null, label: admin.name });
      if (sample) process.stdout.write(`The store was empty: recorded the bundled sample scan as assessment #${sample.id}.\n`);
    }
    const app = createApp({ store, chromiumPath: options.chromiumPath ?? null, ...(options.auth ? { auth: options.auth } : {}) });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, () => resolve(s));
      s.once('error', (err: NodeJS.ErrnoException) =>
        reject(err.code === 'EADDRINUSE' ? new UserError(`Port ${options.port} on ${options.host} is in use; pass --port <n>.`) : err),
      );
    });
    const address = server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const url = `http://${host}:${address.port}/`;
    process.stdout.write(`ftr-ready dashboard on ${url} (store: ${store.description}). Ctrl-C stops it.\n`);
    options.onListening?.(url);
    await (options.until ??
      new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      }));
    await app.jobs.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return EXIT.ok;
  } finally {
    await store.close();
  }
}
