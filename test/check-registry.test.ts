/** The check registry stays consistent: unique ids, metadata complete, every check used, every reference resolves. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../src/checks/index.js';
import { SEVERITIES } from '../src/core/finding.js';
import { FRAMEWORKS } from '../src/frameworks/index.js';
import { checkIdsOf } from '../src/core/framework.js';

const ids = ALL_CHECKS.map((c) => c.id);

function checkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return checkFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [e.name.replace(/\.ts$/, '')] : [];
  });
}

describe('check registry', () => {
  it('has unique, Prowler-style ids', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(_[a-z0-9]+)+$/);
  });

  it('gives every check a severity, the reads it needs and a remediation', () => {
    for (const check of ALL_CHECKS) {
      expect.soft(SEVERITIES).toContain(check.severity);
      expect.soft({ id: check.id, reads: check.reads.length > 0, remediation: check.remediation.summary.length > 10, title: check.title.length > 5 }).toEqual({
        id: check.id,
        reads: true,
        remediation: true,
        title: true,
      });
    }
  });

  it('has one file per check, named after its id', () => {
    const files = new Set(checkFiles('src/checks'));
    const missing = ids.filter((id) => !files.has(id.replace(/_/g, '-')));
    expect(missing).toEqual([]);
  });

  it('resolves every check a framework references', () => {
    const missing = FRAMEWORKS.flatMap((f) => f.items.flatMap((i) => checkIdsOf(i).filter((c) => !ids.includes(c)).map((c) => `${f.id}:${i.id}:${c}`)));
    expect(missing).toEqual([]);
  });

  it('uses every check in at least one framework', () => {
    const used = new Set(FRAMEWORKS.flatMap((f) => f.items.flatMap(checkIdsOf)));
    expect(ids.filter((id) => !used.has(id))).toEqual([]);
  });
});
