/** The generated documents must match the code: regenerate with `npm run docs:generate`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderChecksDoc } from '../src/docs/checks-doc.js';
import { READ_ONLY_ACTION, scannerActions, scannerPolicyDocument } from '../src/docs/scanner-policy.js';

describe('generated documents', () => {
  it('docs/checks.md is up to date (run npm run docs:generate)', () => {
    expect(readFileSync('docs/checks.md', 'utf8')).toBe(renderChecksDoc());
  });

  it('policies/ftr-scanner-policy.json is up to date (run npm run docs:generate)', () => {
    expect(JSON.parse(readFileSync('policies/ftr-scanner-policy.json', 'utf8'))).toEqual(scannerPolicyDocument());
  });

  it('the scanner asks only for read-only actions', () => {
    const writes = scannerActions().filter((a) => !READ_ONLY_ACTION.test(a));
    expect(writes).toEqual([]);
  });
});
