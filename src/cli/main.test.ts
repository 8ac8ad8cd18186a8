/**
 * The CLI run in-process through `main` (commander, the commands, the error-to-exit-code mapping), with
 * its console captured: every exit code of the README's table, and the output rules of the first hour.
 * No AWS: scans point at an endpoint nobody listens on; no Chromium: PATH holds none.
 * test/e2e/exit-codes.e2e.test.ts and faults.e2e.test.ts produce the codes again through the real binary.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXIT } from '../core/errors.js';
import { SAMPLE_SNAPSHOT_PATH } from './commands/demo.js';
import { main } from './main.js';
import { findChromium } from '../report/chromium.js';

const SAMPLE = SAMPLE_SNAPSHOT_PATH;
/** Found before the tests empty PATH; null without Chromium or poppler (those tests skip, saying so). */
const pdfTools = ((): { chromium: string; pdfinfo: string } | null => {
  const chromium = findChromium();
  const pdfinfo = (process.env.PATH ?? '').split(':').map((d) => join(d, 'pdfinfo')).find((p) => existsSync(p));
  return chromium && pdfinfo ? { chromium, pdfinfo } : null;
})();
if (!pdfTools) console.warn('SKIPPED --accessible-pdf CLI test: needs Chromium and poppler-utils (pdfinfo).');
const REPO_ROOT = join(SAMPLE, '..', '..');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let work: string;
const savedEnv = { ...process.env };
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ftr-cli-main-'));
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
  process.env = env;
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    AWS_EC2_METADATA_DISABLED: 'true',
    PATH: '/nonexistent-bin',
    FTR_CHROMIUM: '',
  });
});
afterAll(async () => {
  process.env = savedEnv;
  await rm(work, { recursive: true, force: true });
});

/** Runs `ftr <args>` in-process (optionally from another folder) and captures what it prints. */
async function run(args: readonly string[], cwd?: string, build?: Parameters<typeof main>[1]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const capture = (into: string[]) => (chunk: string | Uint8Array): boolean => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture(out));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture(err));
  const previous = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await main(args, build);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.chdir(previous);
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

const folder = async (name: string): Promise<string> => {
  const dir = join(work, name);
  await mkdir(dir, { recursive: true });
  return dir;
};

const clean = (r: Run): void => {
  expect(r.stderr).not.toMatch(/Internal error|\n\s+at .*\.ts:\d+/);
};

describe('every exit code of the README', () => {
  it('the README table lists exactly the codes the CLI defines', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('| exit code |'));
    const codes = [...table.split('\n\n')[0]!.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
    expect(codes.sort((a, b) => a - b)).toEqual(Object.values(EXIT).sort((a, b) => a - b));
  });

  it('0: done', async () => {
    const r = await run(['demo', '--out', join(work, 'demo')]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toContain(join(work, 'demo', 'assessment.json'));
  });

  it('1: a FAIL at or above --fail-on remains', async () => {
    const r = await run(['evaluate', SAMPLE, '--out', join(work, 'fail-on'), '--fail-on', 'low', '--no-attestations']);
    expect(r.code).toBe(EXIT.failingFindings);
    expect(r.stderr).toMatch(/failing finding\(s\) of severity low or worse/);
  });

  it('2: bad usage', async () => {
    const r = await run(['scan', '--accounts', '111111111111', '--out', join(work, 'accounts')]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/--accounts only applies with --org/);
    clean(r);
  });

  it('5: the AWS endpoint cannot be reached', async () => {
    const r = await run(['scan', '--regions', 'us-east-1', '--out', join(work, 'unreachable'), '--max-attempts', '1']);
    expect(r.code).toBe(EXIT.unreachable);
    expect(r.stderr).toMatch(/Could not reach AWS STS/);
    clean(r);
  });

  it('6: a requested PDF was skipped (no Chromium); the other formats are written', async () => {
    const out = join(work, 'report-6');
    const r = await run(['report', join(work, 'demo', 'assessment.json'), '--format', 'md,pdf', '--out', out]);
    expect(r.code).toBe(EXIT.reportSkipped);
    expect(r.stderr).toMatch(/PDF skipped: Chromium is needed for the PDF report but was not found/);
    expect(await readdir(out)).toEqual(['ftr-report.md']);
  });

  // The untagged default is checked in report/browser.test.ts; here that the flag reaches the PDF.
  it.skipIf(!pdfTools)('report --format pdf --accessible-pdf writes a tagged PDF', async () => {
    const tools = pdfTools as { chromium: string; pdfinfo: string };
    const out = join(work, 'pdf-tagged');
    const r = await run(['report', join(work, 'demo', 'assessment.json'), '--format', 'pdf', '--accessible-pdf', '--chromium', tools.chromium, '--out', out]);
    expect(r.code).toBe(EXIT.ok);
    expect(execFileSync(tools.pdfinfo, [join(out, 'ftr-report.pdf')], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
  });

  it('70: a bug is an internal error with the stack, asking for a report', async () => {
    const broken: Parameters<typeof main>[1] = () => {
      const program = new Command('ftr').exitOverride();
      program.command('boom').action(() => {
        throw new TypeError('Cannot read properties of undefined');
      });
      return program;
    };
    const r = await run(['boom'], undefined, broken);
    expect(r.code).toBe(EXIT.internal);
    expect(r.stderr).toMatch(/Internal error \(a bug in ftr-ready .*please report it/);
    expect(r.stderr).toMatch(/TypeError: Cannot read properties of undefined/);
  });

  // 3 (credentials), 4 (incomplete) and 130 (interrupted) need the moto emulator: test/e2e/faults.e2e.test.ts.
});

describe('--out is checked before any work: exit 2 with a clear message, never a stack', () => {
  it.each([
    ['evaluate', (out: string) => ['evaluate', SAMPLE, '--out', out, '--no-attestations']],
    ['report', (out: string) => ['report', join(work, 'demo', 'assessment.json'), '--out', out, '--format', 'md']],
    ['demo', (out: string) => ['demo', '--out', out]],
    ['scan', (out: string) => ['scan', '--out', out, '--max-attempts', '1']],
  ])('%s with --out naming a file, a folder under a file, or /proc/self/x', async (name, args) => {
    const file = join(await folder(`out-file-${name}`), 'a-file');
    await writeFile(file, 'not a folder');
    for (const out of [file, join(file, 'sub'), '/proc/self/x']) {
      const r = await run(args(out));
      expect(r.code).toBe(EXIT.usage);
      expect(r.stderr).toMatch(/Cannot write to the output directory .*(not a folder|cannot be created)/);
      expect(r.stderr).not.toMatch(/Could not reach AWS STS/); // scan: refused before any AWS call
      clean(r);
    }
  });

  it('a symbolic link at a destination is refused and its target untouched', async () => {
    const out = await folder('links');
    const precious = join(work, 'precious.txt');
    await writeFile(precious, 'precious');
    await symlink(precious, join(out, 'assessment.json'));
    const r = await run(['demo', '--out', out]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/Refusing to write .*assessment\.json: it is a symbolic link/);
    expect(await readFile(precious, 'utf8')).toBe('precious');
  });

  it('a dangling symbolic link at a report destination does not create its target', async () => {
    const out = await folder('dangling');
    const target = join(work, 'created-through-a-link.md');
    await symlink(target, join(out, 'ftr-report.md'));
    const r = await run(['report', join(work, 'demo', 'assessment.json'), '--format', 'html,md', '--out', out]);
    expect(r.code).toBe(EXIT.usage);
    await expect(stat(target)).rejects.toThrow(/ENOENT/);
    // Checked before rendering: not even the HTML was written.
    expect(await readdir(out)).toEqual(['ftr-report.md']);
  });

  it('`attest init --out` through a link is refused too', async () => {
    const dir = await folder('attest-link');
    const target = join(work, 'attest-target.yaml');
    await symlink(target, join(dir, 'ftr-attestations.yaml'));
    const r = await run(['attest', 'init', '--out', join(dir, 'ftr-attestations.yaml'), '--force']);
    expect(r.code).toBe(EXIT.usage);
    await expect(stat(target)).rejects.toThrow(/ENOENT/);
  });

  it('scan --format pdf without Chromium stops before scanning', async () => {
    const r = await run(['scan', '--format', 'html,pdf', '--out', join(work, 'scan-pdf'), '--max-attempts', '1']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/Chromium is needed for the PDF report/);
    expect(r.stderr).not.toMatch(/Could not reach AWS STS/);
  });

  it('--scope-name without --scope is refused', async () => {
    const r = await run(['evaluate', SAMPLE, '--scope-name', 'case-study-1', '--out', join(work, 'scope-name')]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/--scope-name only applies with --scope/);
  });
});

describe('the first hour', () => {
  it('evaluating the bundled sample writes to ./ftr-out (0700 folder, 0600 file), never beside the snapshot', async () => {
    const cwd = await folder('cwd-default-out');
    const before = await readdir(join(REPO_ROOT, 'samples'));
    const r = await run(['evaluate', SAMPLE, '--no-attestations'], cwd);
    expect(r.code).toBe(0);
    expect(await readdir(join(cwd, 'ftr-out'))).toEqual(['assessment.json']);
    expect((await stat(join(cwd, 'ftr-out'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(cwd, 'ftr-out', 'assessment.json'))).mode & 0o777).toBe(0o600);
    expect(await readdir(join(REPO_ROOT, 'samples'))).toEqual(before);
  });

  it('`ftr report` without Chromium (default formats) writes every other format, says the PDF was skipped, exit 0', async () => {
    const cwd = await folder('report-default');
    const r = await run(['report', join(work, 'demo', 'assessment.json')], cwd);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/PDF skipped/);
    expect((await readdir(join(cwd, 'ftr-out'))).sort()).toEqual(
      ['ftr-report-findings.csv', 'ftr-report-resources.csv', 'ftr-report.html', 'ftr-report.json', 'ftr-report.md', 'ftr-report.xlsx'].sort(),
    );
  });

  it('an attestations file found automatically is named; one for another framework is skipped with a warning', async () => {
    const cwd = await folder('attest-auto');
    expect((await run(['attest', 'init', '--framework', 'ftr-partner-hosted'], cwd)).code).toBe(0);

    const ftr = await run(['evaluate', SAMPLE, '--out', 'ftr'], cwd);
    expect(ftr.code).toBe(0);
    expect(ftr.stdout).toMatch(/Attestations: ftr-attestations\.yaml \(found in the current folder/);

    const competency = await run(['evaluate', SAMPLE, '--framework', 'industrial-software-competency', '--out', 'isc'], cwd);
    expect(competency.code).toBe(0);
    expect(competency.stderr).toMatch(/Skipping ftr-attestations\.yaml \(found in the current folder\): .*framework "ftr-partner-hosted"/);

    const explicit = await run(['evaluate', SAMPLE, '--framework', 'industrial-software-competency', '--attestations', 'ftr-attestations.yaml', '--out', 'x'], cwd);
    expect(explicit.code).toBe(EXIT.usage);

    const none = await run(['evaluate', SAMPLE, '--no-attestations', '--out', 'none'], cwd);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('Attestations: none (--no-attestations).');
  });

  it('a starter FTR file in --out is skipped before a competency scan, not after collecting', async () => {
    const out = await folder('scan-attest');
    expect((await run(['attest', 'init', '--out', join(out, 'ftr-attestations.yaml')])).code).toBe(0);
    const r = await run(['scan', '--framework', 'industrial-software-competency', '--out', out, '--max-attempts', '1']);
    expect(r.stderr).toMatch(/Skipping .*ftr-attestations\.yaml/);
    // The scan itself then stops at the unreachable endpoint, not at the attestations.
    expect(r.code).toBe(EXIT.unreachable);
  });
});
