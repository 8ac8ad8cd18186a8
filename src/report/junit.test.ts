/**
 * JUnit XML: well-formed (fast-xml-parser's validator), the Ant/Jenkins JUnit schema's required attributes
 * and elements present, one test case per checklist item, and verdicts mapped so nothing unmet passes.
 */
import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { HOSTILE, hostileAssessment } from '../../test/fixtures/assessments/hostile.js';
import { sampleAssessment } from '../../test/fixtures/assessments/sample.js';
import { JUNIT_OUTCOME, renderJunit, xmlText } from './junit.js';
import { buildReportModel } from './model.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
});

interface Case {
  name: string;
  classname: string;
  time: string;
  failure?: { message: string; type: string; '#text'?: string };
  error?: { message: string; type: string; '#text'?: string };
  skipped?: { message: string };
}
interface Suite {
  [attribute: string]: unknown;
  testcase: Case[];
  properties: { property: { name: string; value: string }[] };
  'system-out': unknown;
  'system-err': unknown;
}
interface Parsed {
  testsuites: { [attribute: string]: unknown; testsuite: Suite[] };
}

/** saxes is a conforming XML 1.0 parser: it throws on anything that is not well-formed. */
function wellFormed(xml: string): boolean {
  const sax = new SaxesParser({ xmlns: false });
  sax.write(xml).close();
  return true;
}

function parse(xml: string): Parsed {
  expect(wellFormed(xml)).toBe(true);
  return parser.parse(xml) as Parsed;
}

const model = buildReportModel(sampleAssessment());
const items = model.sections.flatMap((s) => s.items);

describe('JUnit XML output', () => {
  const doc = parse(renderJunit(model));
  const suites = doc.testsuites.testsuite;
  const cases = suites.flatMap((s) => s.testcase);

  it('is well-formed and carries the schema\'s required attributes and elements', () => {
    for (const a of ['name', 'tests', 'failures', 'errors', 'time']) expect(doc.testsuites[a], `testsuites@${a}`).toBeDefined();
    for (const suite of suites) {
      for (const a of ['name', 'tests', 'failures', 'errors', 'skipped', 'time', 'timestamp', 'hostname', 'id', 'package']) {
        expect(suite[a], `testsuite@${a}`).toBeDefined();
      }
      expect(String(suite.timestamp)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      expect(suite.properties.property.length).toBeGreaterThan(0);
      expect(suite).toHaveProperty('system-out');
      expect(suite).toHaveProperty('system-err');
      expect(Number(suite.tests)).toBe(suite.testcase.length);
      expect(Number(suite.failures)).toBe(suite.testcase.filter((c) => c.failure).length);
      expect(Number(suite.errors)).toBe(suite.testcase.filter((c) => c.error).length);
      expect(Number(suite.skipped)).toBe(suite.testcase.filter((c) => c.skipped).length);
    }
    for (const c of cases) {
      expect(c.name).toBeTruthy();
      expect(c.classname).toMatch(/^ftr-partner-hosted\./);
      expect(c.time).toBe('0');
    }
    for (const c of cases.filter((x) => x.failure ?? x.error)) expect((c.failure ?? c.error)?.type).toBeTruthy();
    expect(Number(doc.testsuites.tests)).toBe(cases.length);
  });

  it('one test case per checklist item, each outcome from its verdict', () => {
    expect(cases.map((c) => c.name.split(':')[0])).toEqual(items.map((i) => i.itemId));
    items.forEach((item, n) => {
      const c = cases[n]!;
      const outcome = JUNIT_OUTCOME[item.verdict];
      expect(Boolean(c.failure), `${item.itemId} failure`).toBe(outcome === 'failure');
      expect(Boolean(c.error), `${item.itemId} error`).toBe(outcome === 'error');
      expect(Boolean(c.skipped), `${item.itemId} skipped`).toBe(outcome === 'skipped');
    });
    expect(JUNIT_OUTCOME).toEqual({ MET: 'passed', NOT_MET: 'failure', NOT_APPLICABLE: 'skipped', UNKNOWN: 'error', NEEDS_EVIDENCE: 'error' });
  });

  it('a NOT_MET item fails with its reason and lists the failing resources; NOT_APPLICABLE is skipped with the reason', () => {
    const notMet = items.find((i) => i.verdict === 'NOT_MET' && i.attention.some((f) => f.status === 'FAIL'));
    expect(notMet).toBeDefined();
    const c = cases.find((x) => x.name.startsWith(`${notMet?.itemId ?? ''}:`));
    expect(c?.failure?.message).toBe(notMet?.reason);
    expect(c?.failure?.type).toBe('NOT_MET');
    const firstFail = notMet?.attention.find((f) => f.status === 'FAIL');
    expect(c?.failure?.['#text']).toContain(firstFail?.resourceId ?? '');
    const na = items.find((i) => i.verdict === 'NOT_APPLICABLE');
    expect(na).toBeDefined();
    expect(cases.find((x) => x.name.startsWith(`${na?.itemId ?? ''}:`))?.skipped?.message).toBe(na?.reason);
  });

  it('hostile text stays text: well-formed, and the parsed values equal the originals', () => {
    const hostile = buildReportModel(hostileAssessment());
    const parsed = parse(renderJunit(hostile));
    const failure = parsed.testsuites.testsuite.flatMap((s) => s.testcase).find((c) => c.failure)?.failure?.['#text'] ?? '';
    expect([HOSTILE.script, HOSTILE.img, HOSTILE.formula].filter((value) => !failure.includes(value))).toEqual([]);
    expect(() => wellFormed('<a><b></a>')).toThrow();
    expect(xmlText('a\u0000b<c>&"\'')).toBe('a\uFFFDb&lt;c&gt;&amp;&quot;&apos;');
  });
});
