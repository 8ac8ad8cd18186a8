/**
 * Property-based fuzzing of the snapshot and assessment readers (fast-check, fixed seed): any bytes, any
 * text and any mutation of a valid document either parse into a well-formed value or fail with a UserError
 * (exit code 2) whose message does not repeat the file's content. Never a TypeError, a RangeError or a
 * stack overflow.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAMPLE_SNAPSHOT_PATH } from '../../src/cli/commands/demo.js';
import { resolveFramework } from '../../src/cli/options.js';
import { assess } from '../../src/cli/write-assessment.js';
import { UserError } from '../../src/core/errors.js';
import { parseAssessment } from '../../src/io/assessment-file.js';
import { findJsonProblem } from '../../src/io/json-text.js';
import { parseSnapshot } from '../../src/io/snapshot-file.js';
import { applyMutations, CANARY, FUZZ, jsonPaths, mutations } from './mutate.js';

const sampleSnapshot = JSON.parse(gunzipSync(readFileSync(SAMPLE_SNAPSHOT_PATH)).toString('utf8')) as unknown;
const snapshotPaths = jsonPaths(sampleSnapshot);
const sampleAssessment = JSON.parse(
  JSON.stringify(
    assess(parseSnapshot(readFileSync(SAMPLE_SNAPSHOT_PATH), 'sample'), { framework: resolveFramework('ftr-partner-hosted'), delivery: 'multi-tenant-saas', attestationsFile: null }).assessment,
  ),
) as unknown;
const assessmentPaths = jsonPaths(sampleAssessment);

/** Runs `read`; it may return, or throw a UserError without CANARY in its message. Anything else fails. */
function expectParsesOrUserError(read: () => unknown): 'parsed' | 'refused' {
  try {
    read();
    return 'parsed';
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    expect(err.message).not.toContain(CANARY);
    return 'refused';
  }
}

/** Text with CANARY somewhere in it: JSON-ish noise, JSON values, or plain strings. */
const textWithCanary = fc
  .tuple(
    fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 4 }), fc.constantFrom('{"schemaVersion":"1.0","tool":', '{"generatedAt":', '[', '{"a":')),
    fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 4 })),
  )
  .map(([a, b]) => `${a}${CANARY}${b}`);

describe('snapshot reader fuzzing', () => {
  it('any bytes (plain or gzip) parse or give a UserError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.boolean(), (bytes, gzip) => {
        const buffer = gzip ? gzipSync(bytes) : Buffer.from(bytes);
        expectParsesOrUserError(() => parseSnapshot(buffer, 'fuzz.json.gz'));
      }),
      { seed: FUZZ.seed, numRuns: FUZZ.runs(200) },
    );
  });

  it('any text never has its content repeated in the error', () => {
    fc.assert(
      fc.property(textWithCanary, (text) => {
        expect(expectParsesOrUserError(() => parseSnapshot(Buffer.from(text), 'fuzz.json'))).toBe('refused');
      }),
      { seed: FUZZ.seed, numRuns: FUZZ.runs(200) },
    );
  });

  it('mutations of the sample snapshot parse into a valid snapshot or give a content-free UserError', () => {
    const outcomes = { parsed: 0, refused: 0 };
    fc.assert(
      fc.property(mutations(snapshotPaths.length), (list) => {
        const doc = applyMutations(sampleSnapshot, snapshotPaths, list);
        outcomes[expectParsesOrUserError(() => parseSnapshot(Buffer.from(JSON.stringify(doc)), 'fuzz.json'))]++;
      }),
      { seed: FUZZ.seed, numRuns: FUZZ.runs(200) },
    );
    // Both sides are exercised: some mutations pass the schema, most do not.
    expect(outcomes.parsed).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});

describe('assessment reader fuzzing', () => {
  it('any bytes (plain or gzip) parse or give a UserError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.boolean(), (bytes, gzip) => {
        const buffer = gzip ? gzipSync(bytes) : Buffer.from(bytes);
        expectParsesOrUserError(() => parseAssessment(buffer, 'fuzz.json'));
      }),
      { seed: FUZZ.seed, numRuns: FUZZ.runs(200) },
    );
  });

  it('any text never has its content repeated in the error', () => {
    fc.assert(
      fc.property(textWithCanary, (text) => {
        expect(expectParsesOrUserError(() => parseAssessment(text, 'fuzz.json'))).toBe('refused');
      }),
      { seed: FUZZ.seed, numRuns: FUZZ.runs(200) },
    );
  });

  it('mutations of an evaluated assessment parse or give a content-free UserError', () => {
    const outcomes = { parsed: 0, refused: 0 };
    fc.assert(
      fc.property(mutations(assessmentPaths.length), (list) => {
        const doc = applyMutations(sampleAssessment, assessmentPaths, list);
        outcomes[expectParsesOrUserError(() => parseAssessment(JSON.stringify(doc), 'fuzz.json'))]++;
      }),
      { seed: FUZZ.seed, numRuns: FUZZ.runs(200) },
    );
    expect(outcomes.parsed).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});

describe('the JSON text check agrees with JSON.parse', () => {
  const jsonish = fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', ' ', '\n', '1', '-', '.', 'e', 't', 'r', 'u', 'n', 'l', '\\', 'a', '0'), maxLength: 40 });
  it('on JSON-like noise and on real JSON', () => {
    fc.assert(
      fc.property(fc.oneof(jsonish, fc.json({ maxDepth: 5 }), fc.json({ maxDepth: 5 }).map((j) => j.slice(0, -1))), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(findJsonProblem(text) === null).toBe(parses);
      }),
      { seed: FUZZ.seed, numRuns: FUZZ.runs(1000) },
    );
  });
});
