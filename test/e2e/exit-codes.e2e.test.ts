/**
 * End to end: the exit codes of the README's table that need no emulator, produced by the real CLI in its
 * own process (few of them: each start costs seconds). No AWS here: the scans point at an endpoint nobody
 * listens on. Codes 3 (credentials), 4 (incomplete) and 130 (interrupted) are produced with moto in
 * faults.e2e.test.ts; src/cli/main.test.ts runs the CLI in-process for every code again (70 included) and
 * for the output rules (--out checks, links, attestations, default folders).
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/core/errors.js';
import { isolatedEnv, runCli, type CliResult } from './cli-runner.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ftr-e2e-exit-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const show = (r: CliResult) => `exit ${String(r.code)}\n--- stdout\n${r.stdout.slice(-3000)}\n--- stderr\n${r.stderr.slice(-3000)}`;

/** Fake keys and an endpoint nobody listens on, and no Chromium anywhere (PATH is emptied of it). */
const offlineEnv = (overrides: NodeJS.ProcessEnv = {}) =>
  isolatedEnv({
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    PATH: '/nonexistent-bin',
    FTR_CHROMIUM: '',
    ...overrides,
  });

describe('exit codes, through the real binary', () => {
  let demoOut = '';

  it('0: the demo evaluates the bundled sample and writes its assessment (0600 in a new 0700 folder)', async () => {
    demoOut = join(work, 'demo-ok', 'out');
    const r = await runCli(['demo', '--out', demoOut], { env: offlineEnv() });
    expect(r.code, `CLI: ${show(r)}`).toBe(EXIT.ok);
    expect(r.stdout).toContain(join(demoOut, 'assessment.json'));
    expect((await stat(join(demoOut, 'assessment.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(demoOut)).mode & 0o777).toBe(0o700);
  });

  it('5: the AWS endpoint cannot be reached', async () => {
    const r = await runCli(['scan', '--regions', 'us-east-1', '--out', join(work, 'unreachable'), '--max-attempts', '1'], { env: offlineEnv() });
    expect(r.code, `CLI: ${show(r)}`).toBe(EXIT.unreachable);
    expect(r.stderr).toMatch(/Could not reach AWS STS/);
    expect(r.stderr).not.toMatch(/Internal error|\n\s+at .*\.ts:\d+/);
  });

  it('6: `ftr report --format md,pdf` without Chromium writes the Markdown and says the PDF was skipped', async () => {
    const out = join(work, 'report-no-pdf');
    const r = await runCli(['report', join(demoOut, 'assessment.json'), '--format', 'md,pdf', '--out', out], { env: offlineEnv() });
    expect(r.code, `CLI: ${show(r)}`).toBe(EXIT.reportSkipped);
    expect(r.stderr).toMatch(/PDF skipped: Chromium is needed for the PDF report but was not found/);
    expect(await readdir(out)).toEqual(['ftr-report.md']);
  });
});
