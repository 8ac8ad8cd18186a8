/**
 * Starts a private moto server (the AWS emulator) on a free loopback port for end-to-end tests and the
 * bench. Each server is a child process of this Node process: `stop()` ends exactly that process, and an
 * exit hook kills it if the caller forgets (or a test crashes).
 *
 *   const moto = await startMoto();
 *   await moto.reset(); await moto.seed(42);
 *   ... AWS_ENDPOINT_URL=moto.endpoint ...
 *   await moto.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface MotoServer {
  /** `http://127.0.0.1:PORT`, for AWS_ENDPOINT_URL or an SDK client's `endpoint`. */
  readonly endpoint: string;
  readonly port: number;
  /** The moto process id (the only process `stop()` ends). */
  readonly pid: number;
  /** Clears all emulated state (POST /moto-api/reset). */
  reset(): Promise<void>;
  /** Makes generated ids repeatable from now on (POST /moto-api/seed?a=N). */
  seed(n: number): Promise<void>;
  /** Ends the moto process (SIGTERM, then SIGKILL) and waits for it to exit. Idempotent. */
  stop(): Promise<void>;
  /** Kills the process at once (SIGKILL) without waiting: simulates the endpoint dying. */
  kill(): void;
  /** Whether the process is still running. */
  readonly running: boolean;
  /** HTTP requests moto has logged so far (from its request log); lets a test act "half-way" without timers. */
  readonly requestCount: number;
  /** Resolves once moto has logged at least `count` requests in total. */
  waitForRequests(count: number): Promise<void>;
}

export interface StartMotoOptions {
  /** Extra environment for the moto process. MOTO_ACCOUNT_ID is never passed (it breaks AssumeRole isolation). */
  readonly env?: Readonly<Record<string, string>>;
  /** How long to wait for the server to answer. */
  readonly startTimeoutMs?: number;
  /** Python interpreter (default `python3`, or MOTO_PYTHON). */
  readonly python?: string;
}

/** Fake credentials for moto; every unknown key maps to the default account 123456789012. */
export const MOTO_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;

/**
 * Environment for a child process (the CLI) that should talk to this moto server: every AWS_* variable
 * of the calling environment is dropped (no real profile or key can leak in), then the moto settings added.
 */
export function motoEnv(endpoint: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(base)) {
    if (!name.startsWith('AWS_') && name !== 'MOTO_ACCOUNT_ID') env[name] = value;
  }
  return {
    ...env,
    AWS_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: endpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** A free TCP port on 127.0.0.1 (bind port 0, read it, release it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('Could not find a free port.'))));
    });
  });
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Synchronous on purpose: 'exit' handlers cannot wait. Only the processes this module started.
  process.on('exit', () => {
    for (const child of live) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
}

/**
 * `python3 -m moto.server ARGS`, plus a watchdog: moto exits as soon as its stdin (a pipe from this process)
 * closes. So even when this Node process dies by a signal or a crash (no 'exit' handler runs), moto goes too.
 */
const WATCHDOG_LAUNCHER = [
  'import os, sys, threading, runpy',
  'def _watch():',
  '    try:',
  '        while sys.stdin.buffer.read(1):',
  '            pass',
  '    finally:',
  '        os._exit(0)',
  'threading.Thread(target=_watch, daemon=True).start()',
  "sys.argv = ['moto.server'] + sys.argv[1:]",
  "runpy.run_module('moto.server', run_name='__main__', alter_sys=True)",
].join('\n');

const REQUEST_LINE = /"(?:GET|POST|PUT|DELETE|HEAD|PATCH) [^"]*HTTP\/1\.[01]" \d{3}/;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function post(endpoint: string, path: string): Promise<void> {
  const res = await fetch(`${endpoint}${path}`, { method: 'POST', signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`moto ${path} answered HTTP ${res.status}`);
  await res.arrayBuffer();
}

/** Starts moto and resolves once it answers HTTP; rejects (and kills the process) if it does not start in time. */
export async function startMoto(options: StartMotoOptions = {}): Promise<MotoServer> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true', ...options.env };
  delete env.MOTO_ACCOUNT_ID;
  const python = options.python ?? process.env.MOTO_PYTHON ?? 'python3';
  const child = spawn(python, ['-c', WATCHDOG_LAUNCHER, '-H', '127.0.0.1', '-p', String(port)], {
    env,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  installExitHook();
  live.add(child);

  let stderrTail = '';
  let requestCount = 0;
  let partialLine = '';
  const requestWaiters: { count: number; resolve: () => void }[] = [];
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    // moto (werkzeug) logs one line per request on stderr: `127.0.0.1 - - [date] "POST / HTTP/1.1" 200 -`.
    const lines = (partialLine + chunk).split('\n');
    partialLine = lines.pop() ?? '';
    requestCount += lines.filter((line) => REQUEST_LINE.test(line)).length;
    for (const waiter of requestWaiters.filter((w) => requestCount >= w.count)) {
      requestWaiters.splice(requestWaiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    // Keep only the tail for error messages.
    stderrTail = (stderrTail + chunk).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      live.delete(child);
      resolve();
    });
  });
  let spawnError: Error | undefined;
  child.once('error', (err) => {
    spawnError = err;
    live.delete(child);
  });

  const isRunning = () => child.exitCode === null && child.signalCode === null && spawnError === undefined;

  const stop = async (): Promise<void> => {
    if (!isRunning() || child.pid === undefined) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      if (isRunning()) child.kill('SIGKILL');
    }, 3_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    if (spawnError) throw new Error(`Could not start moto with ${python}: ${spawnError.message}`);
    if (!isRunning()) throw new Error(`moto exited during start-up (code ${String(child.exitCode)}): ${stderrTail}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`moto did not answer on ${endpoint} within the start timeout: ${stderrTail}`);
    }
    await sleep(100);
  }

  const pid = child.pid ?? -1;
  return {
    endpoint,
    port,
    pid,
    reset: () => post(endpoint, '/moto-api/reset'),
    seed: (n: number) => post(endpoint, `/moto-api/seed?a=${String(Math.trunc(n))}`),
    stop,
    kill: () => {
      if (isRunning()) child.kill('SIGKILL');
    },
    get running() {
      return isRunning();
    },
    get requestCount() {
      return requestCount;
    },
    waitForRequests: (count: number) =>
      new Promise<void>((resolve, reject) => {
        if (requestCount >= count) {
          resolve();
          return;
        }
        requestWaiters.push({ count, resolve });
        void exited.then(() => reject(new Error(`moto exited after ${String(requestCount)} of ${String(count)} requests`)));
      }),
  };
}
