/**
 * Hostile and mistaken input files through the real CLI: every one ends with exit code 2 and a message
 * that names the file and the problem, never an internal error (70), a stack trace or the file's content.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { sha256Of } from '../src/attest/evidence-hash.js';
import { SAMPLE_SNAPSHOT_PATH } from '../src/cli/commands/demo.js';
import { evaluateCommand } from '../src/cli/commands/evaluate.js';
import { reportCommand } from '../src/cli/commands/report-command.js';
import { resolveFramework } from '../src/cli/options.js';
import { UserError } from '../src/core/errors.js';
import { FRAMEWORKS } from '../src/frameworks/index.js';
import { isolatedEnv, runCli, type CliResult } from './e2e/cli-runner.js';
import { sampleAssessment } from './fixtures/assessments/sample.js';

const dir = mkdtempSync(join(tmpdir(), 'ftr-cli-input-'));
const out = join(dir, 'out');
const SHADOW = 'root:*:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n';

function ftr(...args: string[]): Promise<CliResult> {
  return runCli(args, { env: isolatedEnv(), killAfterMs: 120_000 });
}

function expectRefused(result: CliResult, message: RegExp | string): void {
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('Error: ');
  if (typeof message === 'string') expect(result.stderr).toContain(message);
  else expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/Internal error|\n\s+at /);
}

describe('ftr evaluate / ftr report with hostile input files', () => {
  it('never prints the content of a non-JSON file reached through a symbolic link', async () => {
    writeFileSync(join(dir, 'shadow'), SHADOW);
    symlinkSync(join(dir, 'shadow'), join(dir, 'snapshot-link.json.gz'));
    const result = await ftr('evaluate', join(dir, 'snapshot-link.json.gz'), '--out', out);
    expectRefused(result, /snapshot-link\.json\.gz is not valid JSON \(line 1, column 1: a letter where a value was expected\)/);
    expect(result.stderr + result.stdout).not.toContain('root:*');
  });

  it('refuses /dev/zero instead of reading it forever', async () => {
    expectRefused(await ftr('evaluate', '/dev/zero', '--out', out), 'Cannot read snapshot file /dev/zero: it is a character device');
  });
});

/** The command functions the CLI calls: a UserError is what index.ts maps to exit code 2. */
async function expectUserError(run: Promise<unknown>, message: RegExp | string): Promise<void> {
  const error = await run.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).exitCode).toBe(2);
  if (typeof message === 'string') expect((error as Error).message).toContain(message);
  else expect((error as Error).message).toMatch(message);
}

const evaluateOptions = (snapshotPath: string) => ({
  snapshotPath,
  framework: resolveFramework('ftr-partner-hosted'),
  delivery: 'multi-tenant-saas' as const,
  out,
  attestationsFile: undefined,
  scopeFile: undefined,
  scopeName: undefined,
  formats: undefined,
  chromiumPath: undefined,
  failOn: undefined,
});

describe('evaluate and report commands with mistaken or hostile files (in process)', () => {
  it('refuse a FIFO without blocking and a 4 MB gzip bomb by its decompressed size', async () => {
    execFileSync('mkfifo', [join(dir, 'fifo.json.gz')]);
    await expectUserError(evaluateCommand(evaluateOptions(join(dir, 'fifo.json.gz'))), /fifo\.json\.gz: it is a named pipe \(FIFO\)/);
    // A 4 MB gzip bomb (gigabytes inflated), here against a 16 MB limit to keep the test light.
    vi.stubEnv('FTR_MAX_SNAPSHOT_MB', '16');
    const member = gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x20));
    writeFileSync(join(dir, 'bomb.json.gz'), Buffer.concat(Array.from({ length: Math.ceil((4 * 1024 * 1024) / member.length) }, () => member)));
    await expectUserError(evaluateCommand(evaluateOptions(join(dir, 'bomb.json.gz'))), /bomb\.json\.gz: decompressed size exceeds 16 MB/);
    vi.unstubAllEnvs();
  });

  it('refuse a malformed slice with its path instead of failing inside evaluation', async () => {
    const sample = JSON.parse(gunzipSync(readFileSync(SAMPLE_SNAPSHOT_PATH)).toString('utf8'));
    const region = sample.accounts[0].regional.find((r: Record<string, unknown>) => r.tagging);
    region.tagging.value = {};
    writeFileSync(join(dir, 'malformed.json'), JSON.stringify(sample));
    await expectUserError(evaluateCommand(evaluateOptions(join(dir, 'malformed.json'))), /tagging\.value\.resources: expected an Observed value/);
  });

  it('say which kind of file was given to the wrong command', async () => {
    const reportOptions = { formats: 'md', out, compare: undefined, caseStudies: [], chromiumPath: undefined };
    await expectUserError(
      reportCommand({ assessmentPath: SAMPLE_SNAPSHOT_PATH, ...reportOptions }),
      'is a snapshot (written by `ftr scan`), not an assessment: evaluate it with `ftr evaluate',
    );
    writeFileSync(join(dir, 'assessment.json'), JSON.stringify(sampleAssessment()));
    await expectUserError(
      evaluateCommand(evaluateOptions(join(dir, 'assessment.json'))),
      'is an assessment (assessment.json), not a snapshot: render it with `ftr report',
    );
  });
});

describe('attestation evidence files outside the attestations folder', () => {
  const framework = FRAMEWORKS.find((f) => f.id === 'ftr-partner-hosted');
  const item = framework?.items.find((i) => i.automation === 'manual' && !i.gatedBy && !i.notPresentInSource && i.appliesTo.includes('multi-tenant-saas'));
  const attestations = join(dir, 'attest', 'ftr-attestations.yaml');
  const secretDir = join(dir, 'elsewhere');
  const SECRET = 'not for the report';
  mkdirSync(join(dir, 'attest'));
  mkdirSync(secretDir);
  writeFileSync(join(secretDir, 'secret.txt'), SECRET);
  writeFileSync(
    attestations,
    `version: "1"\nframework: ftr-partner-hosted\nitems:\n  "${item?.id ?? ''}":\n    answer: yes\n    justification: Documented.\n    owner: sre@example.com\n    date: 2025-09-01\n    evidence:\n      - file: ../elsewhere/secret.txt\n        sha256: ${sha256Of(SECRET)}\n`,
  );

  it('are refused without being hashed, and accepted with --evidence-root', async () => {
    const refused = await ftr('evaluate', SAMPLE_SNAPSHOT_PATH, '--attestations', attestations, '--out', out);
    expectRefused(refused, /evidence file "\.\.\/elsewhere\/secret\.txt" is outside the attestations file's folder/);
    expect(refused.stderr).not.toContain(sha256Of(SECRET));
    const allowed = await ftr('evaluate', SAMPLE_SNAPSHOT_PATH, '--attestations', attestations, '--evidence-root', secretDir, '--out', out);
    expect(allowed.stderr).not.toContain('Error');
    expect(allowed.code).toBe(0);
  });
});
