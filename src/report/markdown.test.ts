import { describe, expect, it } from 'vitest';
import { HOSTILE, hostileAssessment } from '../../test/fixtures/assessments/hostile.js';
import { previousSampleAssessment, sampleAssessment } from '../../test/fixtures/assessments/sample.js';
import { renderMarkdown } from './markdown.js';
import { buildReportModel, type ReportModel } from './model.js';

/** What a malformed or hostile assessment file can put where a date, a severity or a period belongs. */
const EVIL = '<img src=x onerror=alert(1)> [x](javascript:alert(1)) | cell';

/** A report model whose dates, severities, cost period and labels are hostile text. */
function hostileModel(): ReportModel {
  const model = buildReportModel(hostileAssessment(), { previous: previousSampleAssessment() });
  const blocker = model.glance.blockers[0];
  const item = model.sections.flatMap((s) => s.items).find((i) => i.checks.length > 0);
  if (!blocker || !item || !model.changes) throw new Error('fixture: expected a blocker, an item with checks and changes');
  const evil = EVIL as never;
  return {
    ...model,
    generatedAt: EVIL,
    scope: { ...model.scope, scanStartedAt: EVIL, scanFinishedAt: EVIL },
    glance: {
      ...model.glance,
      blockers: [{ ...blocker, severity: evil, verdict: evil }, ...model.glance.blockers.slice(1)],
      expiring: [{ itemId: 'X-1', title: 'item', owner: 'me', expires: EVIL, daysLeft: 3, expired: false }],
    },
    resources: { ...model.resources, period: { start: EVIL, end: EVIL } },
    sections: model.sections.map((s) => ({
      ...s,
      items: s.items.map((i) => (i === item ? { ...i, checks: i.checks.map((c) => ({ ...c, severity: evil })) } : i)),
    })),
    changes: { ...model.changes, previousGeneratedAt: EVIL },
  };
}

describe('Markdown escapes every value from the assessment, not only free text', () => {
  it('dates that are not dates, severities and the cost period are escaped', () => {
    const md = renderMarkdown(hostileModel());
    expect(md).not.toContain('<img');
    expect(md).not.toContain('](javascript:');
    expect(md).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
    // The raw value is shown, escaped, once per place it was put.
    const escaped = md.split('\n').filter((line) => line.includes('&lt;img src=x onerror'));
    expect(escaped.length).toBeGreaterThanOrEqual(6);
  });

  it('a hostile severity cannot add a table column', () => {
    const md = renderMarkdown(hostileModel());
    const lines = md.split('\n');
    const header = lines.findIndex((l) => l.startsWith('| # | Severity |'));
    const cells = (line: string): number => line.replace(/\\\|/g, '').split('|').length;
    expect(header).toBeGreaterThanOrEqual(0);
    expect(cells(lines[header + 2] ?? '')).toBe(cells(lines[header] ?? ''));
  });

  it('real dates are still formatted', () => {
    const md = renderMarkdown(buildReportModel(sampleAssessment()));
    expect(md).toMatch(/Generated \d{4}-\d\d-\d\d \d\d:\d\d UTC by/);
    expect(md).not.toContain(HOSTILE.script);
  });
});
