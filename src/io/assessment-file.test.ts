import { describe, expect, it } from 'vitest';
import { sampleAssessment } from '../../test/fixtures/assessments/sample.js';
import { DELETE, withChange, type JsonEditPath } from '../../test/helpers/json-edit.js';
import { aSnapshot } from '../../test/helpers/snapshot-builder.js';
import { UserError } from '../core/errors.js';
import { parseAssessment, readAssessment } from './assessment-file.js';
import { serializeSnapshot } from './snapshot-file.js';

describe('assessment files', () => {
  it('reports invalid JSON', () => {
    expect(() => parseAssessment('{"schemaVersion": "1.0", ', 'a.json')).toThrow(/a\.json is not valid JSON/);
  });
  it('reports a file that is not an assessment, naming the fields', () => {
    expect(() => parseAssessment('{"hello": 1}', 'b.json')).toThrow(/b\.json is not an ftr-ready assessment: .*schemaVersion/);
  });
  it('refuses another major schema version', () => {
    expect(() => parseAssessment('{"schemaVersion": "7.0"}', 'c.json')).toThrow(/schema version 7\.0/);
  });
  it('says when the file does not exist', async () => {
    await expect(readAssessment('/nonexistent/assessment.json')).rejects.toThrow(/Assessment file not found/);
  });
  it('reads an assessment written before costs, sections and case studies existed', () => {
    const old = withChange(withChange(withChange(base, ['costs'], DELETE), ['sections'], DELETE), ['caseStudy'], DELETE);
    const withoutResourceCosts = JSON.parse(JSON.stringify(old, (key, value: unknown) => (key === 'cost' ? undefined : value))) as unknown;
    expect(parseAssessment(JSON.stringify(withoutResourceCosts), 'old.json')).toEqual(withoutResourceCosts);
  });

  it('reads the sample fixture unchanged', () => {
    const text = JSON.stringify(sampleAssessment());
    expect(parseAssessment(text, 'a.json')).toEqual(JSON.parse(text));
  });
});

const base = JSON.parse(JSON.stringify(sampleAssessment())) as unknown;

function mutated(path: JsonEditPath, value: unknown): string {
  return JSON.stringify(withChange(base, path, value));
}

describe('malformed assessments are refused before any renderer sees them (fuzzer findings)', () => {
  it.each([
    ['a finding without resourceId', ['findings', 0, 'resourceId'], DELETE, /findings\.0\.resourceId: /],
    ['checkIds as a string', ['items', 0, 'checkIds'], 'iam_root_mfa_enabled', /items\.0\.checkIds: /],
    ['a resource without tags', ['resources', 0, 'tags'], DELETE, /resources\.0\.tags: /],
    ['a generatedAt that is not a date (broke the XLSX writer)', ['generatedAt'], 'not a date', /generatedAt: not an ISO 8601 date-time/],
    ['a non-ISO currency (broke Intl in HTML and Markdown)', ['costs'], { period: null, resourcePeriod: null, currency: 'dollars', accounts: [] }, /costs\.currency: not an ISO 4217/],
    ['an unknown verdict', ['items', 0, 'verdict'], 'PASSISH', /items\.0\.verdict: /],
    ['evidence that is not an object', ['findings', 0, 'evidence'], 'x', /findings\.0\.evidence: /],
  ])('%s', (_name, path, value, message) => {
    expect(() => parseAssessment(mutated(path, value), 'a.json')).toThrow(UserError);
    expect(() => parseAssessment(mutated(path, value), 'a.json')).toThrow(message);
  });

  it('refuses evidence nested 200,000 levels deep without overflowing the stack', () => {
    const text = mutated(['findings', 0, 'evidence'], { deep: 'DEEP' }).replace('"DEEP"', '['.repeat(200_000) + ']'.repeat(200_000));
    expect(() => parseAssessment(text, 'a.json')).toThrow(/a\.json is refused: objects and arrays are nested deeper than 100 levels/);
  });
});

describe('assessment files that are not assessments', () => {
  it('says a snapshot (gzip) is a snapshot and which command reads it', () => {
    const bytes = serializeSnapshot(aSnapshot(), true);
    expect(() => parseAssessment(bytes, 'out/snapshot.json.gz')).toThrow(
      'out/snapshot.json.gz is a snapshot (written by `ftr scan`), not an assessment: evaluate it with `ftr evaluate out/snapshot.json.gz`, which writes assessment.json.',
    );
  });

  it('refuses /dev/zero at once', async () => {
    await expect(readAssessment('/dev/zero')).rejects.toThrow('Cannot read assessment file /dev/zero: it is a character device; only regular files are read.');
  });
});
