/**
 * The store commands through the real CLI (a child process): option wiring, the default store under
 * XDG_DATA_HOME, FTR_DB, exit codes and error messages (no stack trace, no password). Kept to a few runs:
 * each starts the CLI through tsx.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedEnv, runCli } from './e2e/cli-runner.js';
import { freePort } from './helpers/moto-server.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftr-store-e2e-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const env = () => isolatedEnv({ XDG_DATA_HOME: join(dir, 'xdg'), FTR_DB: '' });
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('ftr with the workspace store', () => {
  it('records an evaluation in the default store and lists it', async () => {
    const evaluated = await runCli(['evaluate', 'samples/sample-org.snapshot.json.gz', '--out', join(dir, 'out'), '--db'], { env: env() });
    expect(evaluated.code).toBe(0);
    const dbFile = join(dir, 'xdg', 'ftr-ready', 'ftr.db');
    expect(evaluated.stdout).toContain(`Recorded in ${dbFile}: scan #1, assessment #1.`);
    expect(statSync(dbFile).mode & 0o777).toBe(0o600);

    const history = await runCli(['history'], { env: env() });
    expect(history.code).toBe(0);
    expect(history.stdout).toMatch(/\n\s*1\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+ftr-partner-hosted\s+-\s+\d+\/\d+ \d+%/);
  });

  it('refuses a corrupt file with exit code 2 and a one-line reason', async () => {
    const corrupt = join(dir, 'snapshot.json.gz');
    writeFileSync(corrupt, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]));
    // FTR_DB names the store when --db is not given.
    const result = await runCli(['import', corrupt], { env: { ...env(), FTR_DB: join(dir, 'import.db') } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Error: .*snapshot\.json\.gz: a corrupt or truncated gzip file/);
    noStack(result.stderr);
  });

  it('never prints the PostgreSQL password when the server cannot be reached', async () => {
    const port = await freePort();
    const result = await runCli(['history', '--db', `postgres://ftr:s3cret-pw@127.0.0.1:${port}/ftr`], { env: env() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Cannot connect to the PostgreSQL store postgres://ftr:***@127.0.0.1:${port}/ftr`);
    expect(result.stdout + result.stderr).not.toContain('s3cret');
    noStack(result.stderr);
  });
});
