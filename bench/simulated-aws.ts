/**
 * The bench scripts' side of the simulated AWS (bench/aws-proxy.ts): start the proxy in its own process (so
 * its CPU is never the scanner's), talk to its control endpoint, and the regions a benchmark scans.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The 17 regions enabled by default in a commercial account; the two the e2e seed fills first. */
export const COMMERCIAL_REGIONS = [
  'us-east-1', 'eu-west-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'eu-central-1', 'eu-west-2', 'eu-west-3',
  'eu-north-1', 'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'sa-east-1',
] as const;

/** GET /__ftr_bench/stats. */
export interface ProxyStats {
  /** TCP connections opened to the proxy. */
  readonly connections?: number;
  readonly requests: number;
  readonly throttled: number;
  readonly replayMisses: number;
  readonly maxInFlight: number;
  readonly maxInFlightPerKey: number;
  /** The proxy's CPU since the run's `config` call (the simulated AWS's share of the machine). */
  readonly cpuMs?: number;
}

/** Starts bench/aws-proxy.ts with `args` (e.g. `--upstream URL`, `--load recording.json`) and waits until it listens. */
export async function startProxy(args: readonly string[]): Promise<{ endpoint: string; child: ChildProcess }> {
  // BENCH_PROXY_CPU_PROF=<dir>: a V8 CPU profile of the simulated AWS itself (what it costs the machine per request).
  const profile = process.env.BENCH_PROXY_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROXY_CPU_PROF] : [];
  const child = spawn(process.execPath, [...profile, '--import', join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs'), join(REPO_ROOT, 'bench/aws-proxy.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const m = /^listening (\d+)/.exec(line);
    if (m) return { endpoint: `http://127.0.0.1:${m[1]}`, child };
  }
  throw new Error('the bench proxy did not start');
}

/** A call to the proxy's control endpoint: GET without a body, POST with one. */
export async function proxyCall<T>(endpoint: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${endpoint}/__ftr_bench/${path}`, { method: body === undefined ? 'GET' : 'POST', body: body === undefined ? null : JSON.stringify(body) });
  return (await res.json()) as T;
}
