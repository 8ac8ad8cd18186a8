import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testFramework } from '../../test/helpers/framework-fixture.js';
import { AttestationError } from './errors.js';
import { sha256Of } from './evidence-hash.js';
import { loadAttestations, parseAttestations, type AttestationContext } from './parse.js';

const NOW = '2026-03-15T12:00:00Z';
let dir = '';
const GUIDE = 'guide.pdf';
const GUIDE_CONTENT = 'deployment guide v1';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftr-attest-'));
  writeFileSync(join(dir, GUIDE), GUIDE_CONTENT);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function ctx(extra: Partial<AttestationContext> = {}): AttestationContext {
  return { framework: testFramework, now: NOW, baseDir: dir, knownCheckIds: ['check_auto', 'check_partial'], ...extra };
}

const VALID = `version: "1"
framework: test-framework
delivery: multi-tenant-saas
scope: plant-a
gating:
  G-000:
    answer: no
    justification: We never assume roles in customer accounts.
    owner: cto@example.com
    date: 2026-01-10
items:
  M-001:
    answer: yes
    justification: Game day held with the whole on-call team.
    owner: sre@example.com
    date: 2025-09-01
    reviewer: ciso@example.com
    evidence:
      - url: https://wiki.example.com/gameday-2025
      - file: ${GUIDE}
        sha256: ${sha256Of(GUIDE_CONTENT)}
  2.10:
    answer: not-applicable
    justification: No DR plan needed for a stateless demo.
    owner: sre@example.com
    date: 2026-01-01
  P-001:
    answer: ""
suppressions:
  - checkId: check_partial
    account: "012345678901"
    resourceId: public-site
    justification: Static website bucket.
    owner: sec@example.com
    expires: 2026-12-31
`;

function expectIssue(text: string, expected: { line: number; column: number; message: RegExp | string }, extra: Partial<AttestationContext> = {}) {
  let error: unknown;
  try {
    parseAttestations(text, 'ftr-attestations.yaml', ctx(extra));
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(AttestationError);
  const e = error as AttestationError;
  expect(e.exitCode).toBe(2);
  expect(e.first.file).toBe('ftr-attestations.yaml');
  expect({ line: e.first.line, column: e.first.column }).toEqual({ line: expected.line, column: expected.column });
  if (typeof expected.message === 'string') expect(e.first.message).toBe(expected.message);
  else expect(e.first.message).toMatch(expected.message);
  expect(e.message).toContain(`ftr-attestations.yaml:${expected.line}:${expected.column}:`);
  return e;
}

describe('parseAttestations: a valid file', () => {
  it('reads answers, gating, evidence and suppressions as written', () => {
    const set = parseAttestations(VALID, 'ftr-attestations.yaml', ctx({ delivery: 'multi-tenant-saas', scopeName: 'plant-a' }));
    expect(set.frameworkId).toBe('test-framework');
    expect(set.scope).toBe('plant-a');
    expect(set.gatingAnswers).toEqual([
      { questionId: 'G-000', answer: 'no', justification: 'We never assume roles in customer accounts.', owner: 'cto@example.com', date: '2026-01-10' },
    ]);
    expect(set.items.map((i) => [i.itemId, i.answer])).toEqual([
      ['M-001', 'yes'],
      ['2.10', 'not-applicable'],
    ]);
    expect(set.items[0]?.evidence).toEqual([
      { kind: 'url', ref: 'https://wiki.example.com/gameday-2025' },
      { kind: 'file', ref: GUIDE, sha256: sha256Of(GUIDE_CONTENT) },
    ]);
    expect(set.items[0]?.reviewer).toBe('ciso@example.com');
    expect(set.unanswered).toEqual(['P-001']);
    expect(set.suppressions).toEqual([
      {
        checkId: 'check_partial',
        accountId: '012345678901',
        resourceId: 'public-site',
        resourceArn: null,
        region: null,
        justification: 'Static website bucket.',
        owner: 'sec@example.com',
        expires: '2026-12-31',
      },
    ]);
  });

  it('keeps an unquoted 2.10 key as "2.10" and an account id with its leading zero', () => {
    const set = parseAttestations(VALID, 'x.yaml', ctx());
    expect(set.items.some((i) => i.itemId === '2.10')).toBe(true);
    expect(set.suppressions[0]?.accountId).toBe('012345678901');
  });

  it('loads from disk with evidence relative to the file', () => {
    const file = join(dir, 'ftr-attestations.yaml');
    writeFileSync(file, VALID);
    const set = loadAttestations(file, { framework: testFramework, now: NOW, knownCheckIds: ['check_partial'] });
    expect(set.items).toHaveLength(2);
  });
});

describe('parseAttestations: bad input gives file:line:column', () => {
  it('malformed YAML', () => {
    expectIssue('version: "1"\nframework: test-framework\nitems:\n  M-001: [yes\n  P-001: {}\n', { line: 5, column: 3, message: /YAML syntax error/ });
  });

  it('a duplicate key', () => {
    expectIssue('version: "1"\nframework: test-framework\nitems:\n  M-001: {}\n  M-001: {}\n', { line: 5, column: 3, message: /DUPLICATE_KEY/ });
  });

  it('an empty file', () => {
    expectIssue('', { line: 1, column: 1, message: /empty/ });
  });

  it('an unknown item id (with a suggestion)', () => {
    const e = expectIssue(VALID.replace('  M-001:\n', '  M-01:\n'), { line: 12, column: 3, message: /unknown item id "M-01" for framework test-framework \(did you mean "M-001"\?\)/ });
    expect(e.first.path).toBe('items.M-01');
  });

  it('an unknown gating question', () => {
    expectIssue(VALID.replace('  G-000:', '  X-000:'), { line: 6, column: 3, message: /unknown gating question "X-000"/ });
  });

  it('a date that is not YYYY-MM-DD', () => {
    expectIssue(VALID.replace('date: 2025-09-01', 'date: 01/09/2025'), {
      line: 16,
      column: 11,
      message: 'date "01/09/2025" is not a date; write it as YYYY-MM-DD',
    });
  });

  it('a date that does not exist', () => {
    expectIssue(VALID.replace('date: 2025-09-01', 'date: 2025-02-30'), { line: 16, column: 11, message: 'date "2025-02-30" is not a real calendar date' });
  });

  it('a date in the future', () => {
    expectIssue(VALID.replace('date: 2025-09-01', 'date: 2026-03-16'), { line: 16, column: 11, message: 'date 2026-03-16 is in the future (today is 2026-03-15)' });
  });

  it('an answer outside the vocabulary', () => {
    expectIssue(VALID.replace('answer: yes', 'answer: true'), { line: 13, column: 13, message: /answer "true" must be one of yes, no, not-applicable/ });
  });

  it('an answer without an owner', () => {
    expectIssue(VALID.replace('    owner: sre@example.com\n    date: 2025-09-01', '    owner: ""\n    date: 2025-09-01'), {
      line: 15,
      column: 12,
      message: 'owner is required once an answer is given',
    });
  });

  it('a missing required field points at the entry', () => {
    expectIssue(VALID.replace('    owner: sre@example.com\n    date: 2025-09-01\n', '    date: 2025-09-01\n'), {
      line: 12,
      column: 3,
      message: 'owner is required once an answer is given',
    });
  });

  it('an unknown field points at the key', () => {
    expectIssue(VALID.replace('    reviewer: ciso@example.com', '    reviewr: ciso@example.com'), { line: 17, column: 5, message: 'unknown field "reviewr"' });
  });

  it('a wrong version', () => {
    expectIssue(VALID.replace('version: "1"', 'version: 2'), { line: 1, column: 10, message: 'version must be 1' });
  });

  it('attestations for another framework', () => {
    expectIssue(VALID.replace('framework: test-framework', 'framework: ftr-partner-hosted'), {
      line: 2,
      column: 12,
      message: /for framework "ftr-partner-hosted", but the evaluation uses "test-framework"/,
    });
  });

  it('attestations for another scope or delivery category', () => {
    expectIssue(VALID, { line: 4, column: 8, message: /for scope "plant-a", but the evaluation uses scope "plant-b"/ }, { scopeName: 'plant-b' });
    expectIssue(VALID, { line: 3, column: 11, message: /delivery category "multi-tenant-saas", but the evaluation uses "managed-service"/ }, { delivery: 'managed-service' });
  });

  it('an evidence file that changed since it was recorded', () => {
    const e = expectIssue(VALID.replace(`sha256: ${sha256Of(GUIDE_CONTENT)}`, `sha256: ${sha256Of('deployment guide v0')}`), {
      line: 21,
      column: 17,
      message: /evidence file "guide.pdf" changed since it was recorded \(recorded sha256 [0-9a-f]{64}, now [0-9a-f]{64}\)/,
    });
    expect(e.first.message).toContain(sha256Of(GUIDE_CONTENT));
  });

  it('an evidence file without a recorded hash tells the hash to record', () => {
    expectIssue(VALID.replace(`\n        sha256: ${sha256Of(GUIDE_CONTENT)}`, ''), {
      line: 20,
      column: 15,
      message: `evidence file "guide.pdf" has no recorded sha256; add "sha256: ${sha256Of(GUIDE_CONTENT)}" after reviewing it`,
    });
  });

  it('a missing evidence file', () => {
    expectIssue(VALID.replace(`file: ${GUIDE}`, 'file: missing.pdf'), { line: 20, column: 15, message: /evidence file "missing.pdf" cannot be read/ });
  });

  it('an evidence entry with neither url nor file', () => {
    expectIssue(VALID.replace('      - url: https://wiki.example.com/gameday-2025', '      - sha256: abc'), {
      line: 19,
      column: 9,
      message: 'an evidence entry needs exactly one of "url" or "file"',
    });
  });

  it('a suppression for an unknown check', () => {
    expectIssue(VALID.replace('  - checkId: check_partial', '  - checkId: check_partail'), {
      line: 30,
      column: 14,
      message: 'unknown check id "check_partail" (did you mean "check_partial"?)',
    });
  });

  it('a suppression without an expiry', () => {
    expectIssue(VALID.replace('    expires: 2026-12-31\n', ''), { line: 30, column: 5, message: /required field "expires" is missing/ });
  });

  it('a suppression with a bad account id', () => {
    expectIssue(VALID.replace('account: "012345678901"', 'account: 12345'), { line: 31, column: 14, message: /12-digit AWS account id/ });
  });

  it('a suppression without a resource', () => {
    expectIssue(VALID.replace('    resourceId: public-site\n', ''), { line: 30, column: 5, message: 'a suppression names the resource: resourceId or resourceArn' });
  });

  it('lists every problem, sorted by position', () => {
    const text = VALID.replace('date: 2025-09-01', 'date: 2025-02-30').replace('    answer: not-applicable', '    answer: maybe');
    const e = expectIssue(text, { line: 16, column: 11, message: /not a real calendar date/ });
    expect(e.issues.map((i) => `${i.line}:${i.column}`)).toEqual(['16:11', '23:13']);
  });

  it('an unreadable file is an AttestationError at 1:1', () => {
    expect(() => loadAttestations(join(dir, 'nope.yaml'), { framework: testFramework, now: NOW })).toThrow(AttestationError);
  });
});
