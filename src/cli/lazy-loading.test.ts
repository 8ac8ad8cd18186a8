/**
 * Start-up stays light (issue 10, ask 5): `ftr --help` must not load the AWS SDK, exceljs, playwright-core,
 * hono or the store drivers. The CLI runs in a child process with an ESM resolve hook that writes every
 * resolved module URL to a file; the test reads the list. No timing is asserted (figures: docs/benchmarks.md).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'ftr-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `ftr <args>` from the TypeScript sources (tsx) and returns every module URL it resolved. */
function loadedModules(args: readonly string[], expectStatus = 0, env: NodeJS.ProcessEnv = {}): string[] {
  const log = join(dir, `loaded-${args.join('-').replace(/\W/g, '_')}.txt`);
  const hook = join(dir, 'hook.mjs');
  const register = join(dir, 'register.mjs');
  writeFileSync(
    hook,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, resolved.url + '\\n');
  return resolved;
}
`,
  );
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);
  writeFileSync(log, '');
  const result = spawnSync(
    process.execPath,
    ['--import', register, '--import', join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs'), join(REPO_ROOT, 'src/cli/index.ts'), ...args],
    { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } },
  );
  // The stderr is shown only when the command ended otherwise than expected.
  expect({ status: result.status, stderr: result.status === expectStatus ? '' : result.stderr }).toEqual({ status: expectStatus, stderr: '' });
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

const HEAVY = ['/node_modules/@aws-sdk/', '/node_modules/@smithy/', '/node_modules/exceljs/', '/node_modules/playwright-core/', '/node_modules/hono/', '/node_modules/better-sqlite3/', '/node_modules/pg/', '/node_modules/kysely/'];

describe('start-up', () => {
  it('`ftr --help` loads commander and the CLI, not the SDK, exceljs, playwright-core, hono or the store', () => {
    const loaded = loadedModules(['--help']);
    expect(loaded.some((url) => url.includes('/node_modules/commander/'))).toBe(true);
    expect(loaded.filter((url) => HEAVY.some((heavy) => url.includes(heavy)))).toEqual([]);
    // No collector, renderer or command module either: commands are imported when they run. `ftr users`
    // registers its subcommands from commands/users.ts, which imports only commander and our errors (the
    // store and the hashing library load inside its actions).
    expect(loaded.filter((url) => /\/src\/(collect|report|store)\/|\/src\/cli\/commands\/(?!users\.ts$)/.test(url))).toEqual([]);
  });

  it('`ftr scan` without --format loads neither the report renderers nor playwright-core, exceljs or hono', () => {
    // Stops at its first AWS call (nothing listens on port 9): exit 5, after the scan command is loaded.
    const out = join(dir, 'scan-out');
    const env = { AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true' };
    const loaded = loadedModules(['scan', '--regions', 'us-east-1', '--max-attempts', '1', '--out', out], 5, env);
    expect(loaded.some((url) => url.endsWith('/src/cli/commands/scan.ts'))).toBe(true);
    const heavy = ['/node_modules/exceljs/', '/node_modules/playwright-core/', '/node_modules/hono/'];
    // The report model (the console summary's account names) is the one report module a scan needs.
    expect(loaded.filter((url) => heavy.some((h) => url.includes(h)) || /\/src\/report\/(?!model\.ts$)/.test(url))).toEqual([]);
  });
});
