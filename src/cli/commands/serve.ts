/**
 * `ftr serve`: the workspace dashboard on http://127.0.0.1:8080 (src/serve/). With an empty store it first
 * records the bundled sample, so a newcomer sees a populated dashboard without AWS credentials. Binding to
 * anything but loopback (or `--team`) is team mode: sign-in, roles and CSRF tokens (src/serve/team-mode.tsx).
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
  /** `--accessible-pdf`: the PDF export is tagged. */
  readonly accessiblePdf?: boolean;
  /** Team mode (sign-in, roles): forced by `--team`, always on for a non-loopback host. */
  readonly team?: boolean;
  /** Team mode served over TLS (directly or through a reverse proxy): Secure cookies. */
  readonly secureCookies?: boolean;
  /** Team mode behind a reverse proxy: trust X-Forwarded-For / -Proto / -Host. */
  readonly trustProxy?: boolean;
  /** A prepared seam (tests); otherwise team mode is built from the FTR_OIDC_* / FTR_AUTH_* environment. */
  readonly auth?: AuthSeam | undefined;
  /** Resolves to stop the server (tests); default: SIGINT / SIGTERM. */
  readonly until?: Promise<void>;
  readonly onListening?: (url: string) => void;
}

export async function serveCommand(options: ServeCommandOptions): Promise<number> {
  const team = options.team === true || options.auth !== undefined || !isLoopbackHost(options.host);
  // Settings first: a missing OIDC variable is a usage error before anything is opened.
  const { authSettingsFromEnv } = await import('../../serve/auth/config.js');
  const settings = team && options.auth === undefined ? authSettingsFromEnv() : undefined;
  const { openStore } = await import('../../store/db.js');
  const { ensureSampleWorkspace } = await import('../../serve/workspace.js');
  const { createApp } = await import('../../serve/app.js');
  const { serve } = await import('@hono/node-server');
  const store = await openStore(storeLocation(options.db));
  let lease: { release(): Promise<void> } | undefined;
  try {
    // Before anything reads or changes the jobs: a second server would mark this one's running jobs interrupted.
    const { holdServeLease } = await import('../../serve/lease.js');
    lease = await holdServeLease(store);
    let auth = options.auth;
    if (team) {
      const { assertTeamModeReady } = await import('../../serve/auth/first-run.js');
      // Team mode needs a way in: an active admin before the first start (instructions in the error).
      await assertTeamModeReady(store, options.team ? '0.0.0.0' : options.host);
      if (auth === undefined && settings !== undefined) {
        const { teamModeSeam } = await import('../../serve/team-mode.js');
        auth = teamModeSeam({ store, settings, secure: options.secureCookies === true, trustProxy: options.trustProxy === true });
      }
    }
    const admin = localAdmin();
    if (!options.noSample) {
      const sample = await ensureSampleWorkspace(store, { userId: null, label: admin.name });
      if (sample) process.stdout.write(`The store was empty: recorded the bundled sample scan as assessment #${sample.id}.\n`);
    }
    const app = createApp({ store, chromiumPath: options.chromiumPath ?? null, accessiblePdf: options.accessiblePdf === true, ...(auth ? { auth } : {}) });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, () => resolve(s));
      s.once('error', (err: NodeJS.ErrnoException) =>
        reject(err.code === 'EADDRINUSE' ? new UserError(`Port ${options.port} on ${options.host} is in use; pass --port <n>.`) : err),
      );
    });
    const address = server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const url = `http://${host}:${address.port}/`;
    process.stdout.write(`ftr-ready dashboard on ${url} (store: ${store.description}; ${auth ? `team mode, sign-in with ${auth.description ?? 'accounts'}` : 'single user, this machine only'}). Ctrl-C stops it.\n`);
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
    await lease?.release();
    await store.close();
  }
}
