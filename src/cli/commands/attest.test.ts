import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AttestationError, FileExistsError } from '../../attest/errors.js';
import { sha256Of } from '../../attest/evidence-hash.js';
import { getFramework } from '../../frameworks/index.js';
import { attestHash, attestInit, readAttestationInputs } from './attest.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftr-attest-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('attestInit', () => {
  it('writes a starter file and refuses to overwrite it without force', () => {
    const outFile = join(dir, 'ftr-attestations.yaml');
    const result = attestInit({ frameworkId: 'ftr-partner-hosted', delivery: 'multi-tenant-saas', scopeName: null, outFile });
    expect(result.gatingQuestions).toBe(2);
    expect(result.items).toBeGreaterThan(0);
    expect(readFileSync(outFile, 'utf8')).toContain('framework: "ftr-partner-hosted"');
    expect(() => attestInit({ frameworkId: 'ftr-partner-hosted', delivery: 'multi-tenant-saas', outFile })).toThrow(FileExistsError);
    writeFileSync(outFile, 'edited');
    attestInit({ frameworkId: 'ftr-partner-hosted', delivery: 'managed-service', outFile, force: true });
    expect(readFileSync(outFile, 'utf8')).toContain('delivery: "managed-service"');
  });

  it('rejects an unknown delivery category or framework with a user error', () => {
    expect(() => attestInit({ frameworkId: 'ftr-partner-hosted', delivery: 'saas', outFile: join(dir, 'a.yaml') })).toThrow(/Unknown delivery category/);
    expect(() => attestInit({ frameworkId: 'nope', delivery: 'managed-service', outFile: join(dir, 'a.yaml') })).toThrow(/Unknown framework/);
  });
});

describe('readAttestationInputs', () => {
  const framework = getFramework('ftr-partner-hosted');
  const now = '2026-03-15T00:00:00Z';

  it('returns nothing when there is no file', () => {
    const inputs = readAttestationInputs({ file: null, framework, delivery: 'multi-tenant-saas', now });
    expect(inputs.set).toBeNull();
    expect(inputs.attestations).toEqual([]);
  });

  it('reads a file, warns about unanswered items and expired suppressions', () => {
    const file = join(dir, 'ftr-attestations.yaml');
    attestInit({ frameworkId: 'ftr-partner-hosted', delivery: 'multi-tenant-saas', outFile: file });
    const text = readFileSync(file, 'utf8').replace(
      'suppressions: []',
      'suppressions:\n  - checkId: iam_no_root_access_key\n    account: "111111111111"\n    resourceId: "111111111111"\n    justification: legacy\n    owner: me\n    expires: 2026-01-01\n',
    );
    writeFileSync(file, text);
    const inputs = readAttestationInputs({ file, framework, delivery: 'multi-tenant-saas', now });
    expect(inputs.suppressions).toHaveLength(1);
    expect(inputs.warnings[0]).toMatch(/expired on 2026-01-01 and no longer applies/);
    expect(inputs.warnings[1]).toMatch(/item\(s\) not answered yet: HOST-001/);
  });

  it('an explicit file that does not exist is an AttestationError (exit code 2)', () => {
    expect(() => readAttestationInputs({ file: join(dir, 'missing.yaml'), framework, delivery: 'multi-tenant-saas', now })).toThrow(AttestationError);
  });
});

describe('attestHash', () => {
  it('prints the line to record', () => {
    writeFileSync(join(dir, 'doc.pdf'), 'content');
    expect(attestHash('doc.pdf', dir)).toBe(`sha256: ${sha256Of('content')}`);
    expect(() => attestHash('nope.pdf', dir)).toThrow(/Evidence file not found: .*nope\.pdf/);
    // Not a regular file: refused at once instead of hashing an endless stream.
    expect(() => attestHash('/dev/zero', dir)).toThrow(/Cannot read evidence file \/dev\/zero: it is a character device/);
  });
});
