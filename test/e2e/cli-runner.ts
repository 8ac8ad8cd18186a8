/**
 * Runs the real CLI (`src/cli/index.ts` through tsx) as a child process, the way a user would, and reads
 * the files it writes. Used by the end-to-end suites.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Snapshot } from '../../src/core/snapshot.js';
import { readSnapshot } from '../../src/io/snapshot-file.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface CliResult {
  /** Exit code, or null when a signal ended the process. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunCliOptions {
  readonly env: NodeJS.ProcessEnv;
  /** Called once the process is spawned (e.g. to send it SIGINT later). */
  readonly onSpawn?: (child: ChildProcess) => void;
  /** Safety net only: the process is killed after this long (default 5 minutes). */
  readonly killAfterMs?: number;
  /** Working folder of the CLI (default: the repository root). */
  readonly cwd?: string;
}

/** The Node SDK's "upgrade to Node 22" notice is noise for these tests. */
const NOISE = /NodeVersionSupportWarning|versions published after|will require node|To continue receiving|and security updates please|More information can be found at: https:\/\/a\.co|--trace-warnings/;

function clean(text: string): string {
  return text
    .split('\n')
    .filter((line) => !NOISE.test(line))
    .join('\n');
}

/** Newest modification time of a source file under `dir` (recursive). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (/\.(ts|tsx|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * How to start the CLI: the compiled `dist/` when it is newer than every source file (CI builds it in
 * `npm ci`'s prepare step; starting it costs a fraction of transpiling through tsx on every spawn), else
 * the sources through tsx, so a developer never tests a stale build.
 */
/** Whether `dist/` is newer than every source file (then child processes may load it instead of transpiling). */
export function builtDistIsCurrent(): boolean {
  const built = join(REPO_ROOT, 'dist/cli/index.js');
  return process.env.FTR_TEST_CLI !== 'tsx' && existsSync(built) && statSync(built).mtimeMs > newestMtime(join(REPO_ROOT, 'src'));
}

const CLI_ENTRY: readonly string[] = (() => {
  const built = join(REPO_ROOT, 'dist/cli/index.js');
  if (builtDistIsCurrent()) return [built];
  return ['--import', join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs'), join(REPO_ROOT, 'src/cli/index.ts')];
})();

export function runCli(args: readonly string[], options: RunCliOptions): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...CLI_ENTRY, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      // tsx finds tsconfig.json (JSX settings) from the working folder: point it at the repository's.
      env: { ...options.env, NO_COLOR: '1', FORCE_COLOR: '0', TSX_TSCONFIG_PATH: join(REPO_ROOT, 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 300_000);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout: clean(stdout), stderr: clean(stderr) });
    });
    options.onSpawn?.(child);
  });
}

/** The decompressed text of a `snapshot.json.gz`. */
export async function readSnapshotText(dir: string): Promise<string> {
  return gunzipSync(await readFile(join(dir, 'snapshot.json.gz'))).toString('utf8');
}

/** The snapshot through the validating reader `ftr evaluate` uses: a scan must write what evaluate accepts. */
export async function readSnapshotFile(dir: string): Promise<Snapshot> {
  return readSnapshot(join(dir, 'snapshot.json.gz'));
}

export async function readAssessmentText(dir: string): Promise<string> {
  return readFile(join(dir, 'assessment.json'), 'utf8');
}

/** An environment with no AWS settings inherited from the machine running the tests. */
export function isolatedEnv(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('AWS_') && name !== 'MOTO_ACCOUNT_ID') env[name] = value;
  }
  return { ...env, AWS_EC2_METADATA_DISABLED: 'true', ...overrides };
}
