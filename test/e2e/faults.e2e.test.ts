/**
 * End to end: how the CLI fails. Bad input (exit 2), missing credentials (exit 3), corrupt snapshot files
 * (exit 2), the endpoint dying half-way (exit 4, partial snapshot written) and Ctrl-C (exit 130, partial
 * snapshot written). "Half-way" is measured in requests moto has answered, never in wall time.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { motoEnv, startMoto, type MotoServer } from '../helpers/moto-server.js';
import { isolatedEnv, readSnapshotFile, runCli, type CliResult } from './cli-runner.js';
import { SEED_REGIONS } from './seed-organization.js';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ftr-e2e-faults-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const show = (r: CliResult) => `exit ${String(r.code)} signal ${String(r.signal)}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

/** Fake keys and an endpoint nobody listens on: if a command reached for AWS it would fail, not leak. */
const offlineEnv = () =>
  isolatedEnv({ AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });

describe.concurrent('bad usage and input: exit 2 with a clear message', () => {
  it('rejects an unknown region before calling AWS', async () => {
    const r = await runCli(['scan', '--regions', 'us-east-1,us-east-7', '--out', join(work, 'region'), '--max-attempts', '1'], { env: offlineEnv() });
    expect(r.code, `CLI: ${show(r)}`).toBe(2);
    expect(r.stderr).toMatch(/Unknown region: us-east-7/);
    expect(r.stderr).not.toMatch(/Internal error|at .*\.ts:\d+/);
  });

  it('rejects an unknown framework', async () => {
    const r = await runCli(['scan', '--framework', 'ftr-imaginary', '--out', join(work, 'framework'), '--max-attempts', '1'], { env: offlineEnv() });
    expect(r.code, `CLI: ${show(r)}`).toBe(2);
    expect(`${r.stdout}${r.stderr}`).toMatch(/ftr-imaginary/);
    expect(r.stderr).not.toMatch(/Internal error/);
  });

  it('rejects an unknown delivery category', async () => {
    const r = await runCli(['scan', '--delivery', 'on-prem', '--out', join(work, 'delivery')], { env: offlineEnv() });
    expect(r.code, `CLI: ${show(r)}`).toBe(2);
    expect(`${r.stdout}${r.stderr}`).toMatch(/on-prem/);
  });

  it('refuses an output directory it cannot write before scanning', async () => {
    const blocker = join(work, 'a-file');
    await writeFile(blocker, 'not a directory');
    const r = await runCli(['scan', '--out', join(blocker, 'out')], { env: offlineEnv() });
    expect(r.code, `CLI: ${show(r)}`).toBe(2);
    expect(r.stderr).toMatch(/Cannot write to the output directory/);
  });
});

describe.concurrent('ftr evaluate with damaged snapshot files: exit 2 with a specific message', () => {
  const snapshotLike = {
    schemaVersion: '1.0',
    tool: { name: 'ftr-ready', version: '0.1.0' },
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T00:01:00.000Z',
    complete: true,
    interruption: null,
    principal: { arn: 'arn:aws:iam::123456789012:root', accountId: '123456789012' },
    partition: 'aws',
    mode: 'account',
    requestedRegions: null,
    organization: { ok: true, value: null },
    accounts: [],
    errors: [],
    operations: [],
  };

  it.each([
    ['truncated gzip', () => gzipSync(JSON.stringify(snapshotLike)).subarray(0, 40), /corrupt or truncated gzip/],
    ['garbage bytes', () => Buffer.from('this is not a snapshot at all \u0000\u0001'), /not valid JSON|corrupt/],
    ['truncated plain JSON', () => Buffer.from(JSON.stringify(snapshotLike).slice(0, 120)), /not valid JSON/],
    ['JSON that is not a snapshot', () => gzipSync(JSON.stringify({ hello: 'world' })), /not an ftr-ready snapshot/],
    ['a newer schema major', () => gzipSync(JSON.stringify({ ...snapshotLike, schemaVersion: '9.0' })), /schema version 9\.0/],
  ] as const)('%s', async (name, bytes, message) => {
    const dir = join(work, `evaluate-${name.replace(/\W+/g, '-')}`);
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'snapshot.json.gz');
    await writeFile(file, bytes());
    const r = await runCli(['evaluate', file, '--out', dir], { env: offlineEnv() });
    expect(r.code, `CLI: ${show(r)}`).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(file);
    expect(r.stderr).not.toMatch(/Internal error/);
  });

  it('a missing file', async () => {
    const r = await runCli(['evaluate', join(work, 'nope.json.gz')], { env: offlineEnv() });
    expect(r.code, `CLI: ${show(r)}`).toBe(2);
    expect(r.stderr).toMatch(/not found/i);
  });
});

describe('credentials', () => {
  it('exits 3 with a clear message when there are no credentials at all', async () => {
    const home = join(work, 'empty-home');
    await mkdir(home, { recursive: true });
    const env = isolatedEnv({
      HOME: home,
      USERPROFILE: home,
      AWS_CONFIG_FILE: join(home, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    });
    const r = await runCli(['scan', '--regions', 'us-east-1', '--out', join(work, 'nocreds'), '--max-attempts', '1'], { env });
    expect(r.code, `CLI: ${show(r)}`).toBe(3);
    expect(r.stderr).toMatch(/No AWS credentials found/);
    expect(r.stderr).toMatch(/ftr demo/);
    expect(r.stderr).not.toMatch(/Internal error/);
  });
});

describe('interrupted scans write what they collected', () => {
  let moto: MotoServer | undefined;

  beforeAll(async () => {
    moto = await startMoto();
  });

  afterAll(async () => {
    await moto?.stop();
  });

  it('Ctrl-C: exit 130, snapshot written with complete=false', async () => {
    const server = moto!;
    await server.reset();
    const out = join(work, 'sigint');
    const start = server.requestCount;
    let sent = false;
    const r = await runCli(['scan', '--regions', SEED_REGIONS.join(','), '--out', out, '--max-attempts', '2', '--concurrency', '2'], {
      env: motoEnv(server.endpoint),
      onSpawn: (child) => {
        // Half-way in requests, not in time: after the identity call and a good part of the collectors.
        void server.waitForRequests(start + 40).then(() => {
          sent = child.kill('SIGINT');
        });
      },
    });
    expect(sent, `CLI: ${show(r)}`).toBe(true);
    expect(r.code, `CLI: ${show(r)}`).toBe(130);
    expect(r.stderr).toMatch(/Interrupted/);
    const snapshot = await readSnapshotFile(out);
    expect(snapshot.complete).toBe(false);
    expect(snapshot.interruption?.reason).toMatch(/interrupt|Ctrl-C/i);
    expect(snapshot.accounts.map((a) => a.accountId)).toEqual(['123456789012']);
    // What was collected before the interruption is kept.
    expect(snapshot.operations.filter((o) => o.outcome === 'ok').length).toBeGreaterThan(5);
  });

  it('the endpoint dying half-way: exit 4, clear message, snapshot written with complete=false', async () => {
    const doomed = await startMoto();
    try {
      const out = join(work, 'endpoint-died');
      const start = doomed.requestCount;
      let killed = false;
      const r = await runCli(['scan', '--regions', SEED_REGIONS.join(','), '--out', out, '--max-attempts', '2', '--concurrency', '2'], {
        env: motoEnv(doomed.endpoint),
        onSpawn: () => {
          void doomed.waitForRequests(start + 40).then(() => {
            doomed.kill();
            killed = true;
          });
        },
      });
      expect(killed, `CLI: ${show(r)}`).toBe(true);
      expect(r.code, `CLI: ${show(r)}`).toBe(4);
      expect(r.stderr).toMatch(/stopped early/i);
      expect(r.stderr).toMatch(/endpoint stopped answering/i);
      const snapshot = await readSnapshotFile(out);
      expect(snapshot.complete).toBe(false);
      expect(snapshot.interruption?.reason).toMatch(/endpoint stopped answering/);
      expect(snapshot.principal.accountId).toBe('123456789012');
      expect(snapshot.operations.filter((o) => o.outcome === 'ok').length).toBeGreaterThan(5);
      expect(snapshot.errors.some((e) => e.kind === 'network')).toBe(true);
    } finally {
      await doomed.stop();
    }
  });
});
