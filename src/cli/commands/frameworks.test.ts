import { describe, expect, it } from 'vitest';
import { FRAMEWORK_IDS } from '../../frameworks/index.js';
import { formatFrameworkList } from './frameworks.js';

describe('formatFrameworkList', () => {
  const output = formatFrameworkList();
  const lines = output.split('\n');

  it('prints a header and one row per framework', () => {
    expect(lines[0]?.split(/\s{2,}/)).toEqual(['ID', 'VERSION', 'CHECKLIST', 'RELEASED', 'ITEMS', 'AUTO', 'PARTIAL', 'MANUAL', 'TITLE']);
    expect(lines.slice(1, FRAMEWORK_IDS.length + 1).map((line) => line.split(' ')[0])).toEqual(FRAMEWORK_IDS);
  });

  it('shows versions and counts (numbering gaps not counted)', () => {
    const row = (id: string) => lines.find((line) => line.startsWith(`${id} `))?.split(/\s{2,}/);
    // CAA-002 (FTR) and 1.23 (competency) are manual: their only check is advisory; competency 1.5 is partial
    // (its password-policy check is evidence, see docs/verdicts.md); so is 1.4 (federation or IAM users, see the verdict corpus).
    expect(row('ftr-partner-hosted')?.slice(1, 8)).toEqual(['2025-08', '2025_q3_v1', '2025-08', '53', '8', '27', '18']);
    expect(row('industrial-software-competency')?.slice(1, 8)).toEqual(['2018-05', '1.0', '2018-05', '56', '6', '26', '24']);
  });

  it('aligns the columns', () => {
    const tableLines = lines.slice(0, FRAMEWORK_IDS.length + 1);
    const titleColumn = tableLines.map((line) => line.indexOf(line.split(/\s{2,}/).at(-1) ?? ''));
    expect(new Set(titleColumn).size).toBe(1);
  });

  it('adds notes on kinds, legacy items, gates and numbering gaps', () => {
    expect(output).toContain('industrial-software-competency: 40 technical, 13 prerequisite, 3 documentation; 1 numbering gap(s) shown, not counted');
    expect(output).toContain('ftr-partner-hosted: 8 legacy; 2 gating questions');
  });
});
