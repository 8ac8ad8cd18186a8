import { describe, expect, it } from 'vitest';
import { parseAssessment, readAssessment } from './assessment-file.js';

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
});
