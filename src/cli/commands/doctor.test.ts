/** `ftr doctor` as a user runs it: the exit code CI relies on, and usage errors. */
import { describe, expect, it } from 'vitest';
import { isolatedEnv, runCli } from '../../../test/e2e/cli-runner.js';

const noCredentials = isolatedEnv({ AWS_CONFIG_FILE: '/nonexistent/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials' });

describe('ftr doctor (CLI)', () => {
  it('without credentials: one FAIL line with the fix, exit 7, no stack trace', async () => {
    const result = await runCli(['doctor'], { env: noCredentials });
    expect(result.code).toBe(7);
    expect(result.stdout).toMatch(/^FAIL {2}Credentials: No AWS credentials found/m);
    expect(result.stdout).toContain('fix:');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('--json gives the same lines as data', async () => {
    const result = await runCli(['doctor', '--json'], { env: noCredentials });
    expect(result.code).toBe(7);
    const report = JSON.parse(result.stdout) as { exitCode: number; lines: { id: string; status: string; costs: { text: string } }[] };
    expect(report.exitCode).toBe(7);
    expect(report.lines).toEqual([expect.objectContaining({ id: 'credentials', status: 'FAIL', costs: expect.objectContaining({ text: 'Nothing can be scanned.' }) })]);
  });
});
