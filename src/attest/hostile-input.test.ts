/**
 * Hostile attestation and scope files: nothing outside the attestations file's folder is read or hashed,
 * nothing blocks or grows without bound, and no message quotes a file that is not recognised as ours.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testFramework } from '../../test/helpers/framework-fixture.js';
import { loadScopes, parseScopes } from '../scope/parse.js';
import { AttestationError, ScopeFileError } from './errors.js';
import { sha256Of } from './evidence-hash.js';
import { loadAttestations, parseAttestations } from './parse.js';

const NOW = '2026-03-15T12:00:00Z';
const SHADOW = 'root:*:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n';
const SECRET = 'the-secret-content-of-a-file-outside';

const root = mkdtempSync(join(tmpdir(), 'ftr-hostile-'));
const folder = join(root, 'attestations');
const outside = join(root, 'outside');
mkdirSync(folder);
mkdirSync(outside);
writeFileSync(join(outside, 'secret.txt'), SECRET);
writeFileSync(join(outside, 'shadow'), SHADOW);
writeFileSync(join(folder, 'inside.pdf'), 'inside');
symlinkSync(join(outside, 'secret.txt'), join(folder, 'innocent-link.pdf'));
execFileSync('mkfifo', [join(folder, 'pipe.pdf')]);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fileWithEvidence(ref: string, sha256?: string): string {
  return `version: "1"
framework: test-framework
items:
  M-001:
    answer: yes
    justification: Game day.
    owner: sre@example.com
    date: 2025-09-01
    evidence:
      - file: ${JSON.stringify(ref)}${sha256 ? `\n        sha256: ${sha256}` : ''}
`;
}

function attestationError(run: () => unknown): AttestationError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(AttestationError);
    return err as AttestationError;
  }
  throw new Error('expected an AttestationError');
}

const parseIn = (text: string, extra: { evidenceRoots?: string[] } = {}) =>
  parseAttestations(text, join(folder, 'ftr-attestations.yaml'), { framework: testFramework, now: NOW, baseDir: folder, ...extra });

describe('evidence files', () => {
  it.each([
    ['a relative path out of the folder', '../outside/secret.txt'],
    ['an absolute path', join(outside, 'secret.txt')],
    ['a symbolic link inside the folder that points out of it', 'innocent-link.pdf'],
    ['/etc/shadow', '/etc/shadow'],
  ])('refuses %s without reading or hashing it', (_name, ref) => {
    const e = attestationError(() => parseIn(fileWithEvidence(ref)));
    expect(e.first.message).toMatch(/is outside the attestations file's folder .*--evidence-root/);
    expect(e.message).not.toContain(sha256Of(SECRET));
    expect(e.message).not.toContain(SECRET);
    expect(e.message).not.toMatch(/[0-9a-f]{64}/);
  });

  it('accepts a file in a folder allowed with evidenceRoots (--evidence-root)', () => {
    const set = parseIn(fileWithEvidence('../outside/secret.txt', sha256Of(SECRET)), { evidenceRoots: [outside] });
    expect(set.items[0]?.evidence).toEqual([{ kind: 'file', ref: '../outside/secret.txt', sha256: sha256Of(SECRET) }]);
  });

  it('refuses a FIFO and a device without blocking on them', () => {
    expect(attestationError(() => parseIn(fileWithEvidence('pipe.pdf'))).first.message).toBe(
      'evidence file "pipe.pdf" cannot be read: it is a named pipe (FIFO); only regular files are read',
    );
    expect(attestationError(() => parseIn(fileWithEvidence('/dev/zero'), { evidenceRoots: ['/dev'] })).first.message).toBe(
      'evidence file "/dev/zero" cannot be read: it is a character device; only regular files are read',
    );
  });

  it('still hashes a regular file inside the folder', () => {
    expect(parseIn(fileWithEvidence('inside.pdf', sha256Of('inside'))).items).toHaveLength(1);
  });
});

describe('attestation files that are not ours', () => {
  it('never prints the content of a file reached through a symbolic link (/etc/shadow-like)', () => {
    const link = join(folder, 'ftr-attestations-link.yaml');
    symlinkSync(join(outside, 'shadow'), link);
    const e = attestationError(() => loadAttestations(link, { framework: testFramework, now: NOW }));
    expect(e.message).not.toContain('root:*');
    expect(e.message).not.toContain('19000');
    // The last line ends in ":" so YAML reads a mapping whose key is the content: the message names neither.
    expect(e.first.message).toMatch(/^this is not an attestations file: it (has no|should be a YAML mapping with) "version" or "framework"/);
  });

  it('does not quote a document that is a single value', () => {
    const e = attestationError(() => parseIn('just a line of a private key\n'));
    expect(e.first.message).toBe('this is not an attestations file: it should be a YAML mapping with "version" or "framework" at the top');
  });

  it('does not quote a mapping without our fields', () => {
    const e = attestationError(() => parseIn('DB_PASSWORD: hunter2\nAPI_KEY: abc\n'));
    expect(e.message).not.toContain('hunter2');
    expect(e.issues).toHaveLength(1);
    expect(e.first.message).toBe('this is not an attestations file: it has no "version" or "framework" field at the top');
  });

  it('replaces parser messages that would quote the source', () => {
    const e = attestationError(() => parseIn('version: "1"\nframework: !secretTag test-framework\nitems: {"a": "\\q-secret"}\n'));
    expect(e.message).not.toContain('secretTag');
    expect(e.message).not.toContain('q-secret');
    expect(e.message).toMatch(/YAML syntax error \((TAG_RESOLVE_FAILED|BAD_DQ_ESCAPE)\)/);
  });

  it.each([
    ['/dev/zero', /cannot read the file: it is a character device; only regular files are read/],
    [join(folder, 'pipe.pdf'), /cannot read the file: it is a named pipe \(FIFO\)/],
    [folder, /cannot read the file: it is a directory/],
  ])('refuses %s as an attestations file at once', (path, message) => {
    expect(attestationError(() => loadAttestations(path, { framework: testFramework, now: NOW })).first.message).toMatch(message);
  });

  it('refuses an attestations file over 4 MB', () => {
    const big = join(root, 'big.yaml');
    writeFileSync(big, `version: "1"\n#${'x'.repeat(4 * 1024 * 1024)}\n`);
    expect(attestationError(() => loadAttestations(big, { framework: testFramework, now: NOW })).first.message).toMatch(
      /cannot read the file: it is 4 MB, larger than the 4 MB limit for an attestations file/,
    );
  });

  it('refuses a YAML alias bomb with an issue, not an internal error', () => {
    let bomb = 'version: "1"\nframework: test-framework\na: &a [x,x,x,x,x,x,x,x,x]\n';
    let previous = 'a';
    for (const name of 'bcdefghij') {
      bomb += `${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]\n`;
      previous = name;
    }
    expect(attestationError(() => parseIn(bomb)).first.message).toMatch(/aliases expand more than 100 times/);
  });

  it('refuses nesting 200,000 levels deep before parsing it', () => {
    const deep = `version: "1"\nframework: test-framework\nitems: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`;
    const e = attestationError(() => parseIn(deep));
    expect(e.first).toMatchObject({ line: 3, column: 72, message: 'YAML refused: brackets or braces are nested deeper than 64 levels' });
  });
});

describe('scope files that are not ours', () => {
  it('never prints the content of a non-scope file and refuses devices', () => {
    const link = join(folder, 'scopes.yaml');
    symlinkSync(join(outside, 'shadow'), link);
    let error: unknown;
    try {
      loadScopes(link);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ScopeFileError);
    expect((error as Error).message).not.toContain('root:*');
    expect(() => loadScopes('/dev/zero')).toThrow(/cannot read the file: it is a character device/);
  });

  it('refuses an alias bomb', () => {
    const bomb = `version: "1"\nscopes:\n  a: &a {accounts: ["111111111111"]}\n${Array.from({ length: 150 }, (_, i) => `  s${i}: *a`).join('\n')}\n`;
    expect(() => parseScopes(bomb, 'scopes.yaml')).toThrow(/aliases expand more than 100 times/);
  });
});
