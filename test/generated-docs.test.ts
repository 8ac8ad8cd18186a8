/** The generated documents must match the code: regenerate with `npm run docs:generate`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderChecksDoc } from '../src/docs/checks-doc.js';
import { READ_ONLY_ACTION, scannerActions, scannerPolicyDocument } from '../src/docs/scanner-policy.js';
import { renderVerdictsDoc } from '../src/docs/verdicts-doc.js';
import { FRAMEWORKS } from '../src/frameworks/index.js';

describe('generated documents', () => {
  it('docs/checks.md is up to date (run npm run docs:generate)', () => {
    expect(readFileSync('docs/checks.md', 'utf8')).toBe(renderChecksDoc());
  });

  it('docs/verdicts.md is up to date (run npm run docs:generate)', () => {
    expect(readFileSync('docs/verdicts.md', 'utf8')).toBe(renderVerdictsDoc());
  });

  it('docs/verdicts.md gives every evaluated item its checks by role, accepted ways and how to meet it', () => {
    const doc = renderVerdictsDoc();
    for (const framework of FRAMEWORKS) {
      for (const item of framework.items) {
        const start = doc.indexOf(`### ${item.id} ${item.title}`);
        expect(start, `${framework.id} ${item.id}`).toBeGreaterThan(0);
        if (item.notPresentInSource) continue;
        const section = doc.slice(start, doc.indexOf('\n### ', start + 1) === -1 ? undefined : doc.indexOf('\n### ', start + 1));
        expect(section, `item ${item.id}`).toContain('How to meet it:');
        for (const ref of item.checks) expect(section, `${item.id} ${ref.id}`).toContain(`| \`${ref.id}\`<br>`);
        for (const way of item.alternatives ?? []) expect(section, `${item.id} ${way.way}`).toContain(way.way);
      }
    }
    expect(doc).toMatch(/### SUP-001 .*\n[\s\S]*?\| Evidence \| Business Support or higher is one accepted way/);
    expect(doc).toMatch(/### 3\.3 .*\n[\s\S]*?Required \(one passing resource is enough\)/);
  });

  it('policies/ftr-scanner-policy.json is up to date (run npm run docs:generate)', () => {
    expect(JSON.parse(readFileSync('policies/ftr-scanner-policy.json', 'utf8'))).toEqual(scannerPolicyDocument());
  });

  it('the scanner asks only for read-only actions', () => {
    const writes = scannerActions().filter((a) => !READ_ONLY_ACTION.test(a));
    expect(writes).toEqual([]);
  });
});
