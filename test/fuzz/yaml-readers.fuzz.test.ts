/**
 * Property-based fuzzing of the attestations and scope readers (fast-check, fixed seed): any text, and any
 * mutation of a valid file (of its data or of its characters), either parses or fails with the reader's
 * typed error (AttestationError / ScopeFileError: exit code 2, file:line:column). A text that is not
 * recognised as one of our files never has its content repeated in the message.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { AttestationError, ScopeFileError } from '../../src/attest/errors.js';
import { parseAttestations } from '../../src/attest/parse.js';
import { attestInit } from '../../src/cli/commands/attest.js';
import { resolveFramework } from '../../src/cli/options.js';
import { checkIdsOf } from '../../src/core/framework.js';
import { parseScopes } from '../../src/scope/parse.js';
import { fillInAttestations } from '../helpers/fill-attestations.js';
import { applyMutations, CANARY, FUZZ, jsonPaths, mutations } from './mutate.js';

const framework = resolveFramework('ftr-partner-hosted');
const dir = mkdtempSync(join(tmpdir(), 'ftr-fuzz-yaml-'));
const attestationsFile = join(dir, 'ftr-attestations.yaml');
attestInit({ frameworkId: framework.id, delivery: 'multi-tenant-saas', outFile: attestationsFile });
fillInAttestations(attestationsFile, undefined);
const validAttestations = readFileSync(attestationsFile, 'utf8');
const NOW = new Date().toISOString();

const validScopes = `version: "1"
scopes:
  plant-a:
    description: Case study 1
    accounts: ["111111111111", "012345678901"]
    regions: [eu-west-1]
    tags:
      Workload: plant-a
      Env: [prod, staging]
    stacks: [plant-a-core]
    caseStudy:
      customer: Acme
      productionDate: 2025-06-01
      publicUrl: https://example.com/acme
  whole-org:
    accounts:
      - "111111111111"
`;

const readAttestations = (text: string) =>
  parseAttestations(text, attestationsFile, { framework, now: NOW, delivery: 'multi-tenant-saas', baseDir: dir, knownCheckIds: framework.items.flatMap((i) => checkIdsOf(i)) });
const readScopes = (text: string) => parseScopes(text, join(dir, 'scopes.yaml'));

/** Runs `read`; it may return or throw `errorClass`. Returns the message, or null when it parsed. */
function parsedOrTyped(read: () => unknown, errorClass: typeof AttestationError | typeof ScopeFileError): string | null {
  try {
    read();
    return null;
  } catch (err) {
    if (!(err instanceof errorClass)) throw err;
    return err.message;
  }
}

/** Character-level damage: insert YAML punctuation (or CANARY) and delete spans at random places. */
function textMutations(text: string): fc.Arbitrary<string> {
  const insert = fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat({ max: text.length }),
    what: fc.constantFrom('[', '{', ']', '}', ':', ': ', '- ', '"', "'", '*a', '&a ', '!tag ', '#', '\n', '  ', '\t', '|', '>', '%', '@', '`', '\\', CANARY, '\u0000'),
  });
  const remove = fc.record({ kind: fc.constant('delete' as const), at: fc.nat({ max: text.length }), length: fc.integer({ min: 1, max: 40 }) });
  return fc.array(fc.oneof(insert, remove), { minLength: 1, maxLength: 4 }).map((edits) =>
    edits.reduce((t, e) => (e.kind === 'insert' ? t.slice(0, e.at) + e.what + t.slice(e.at) : t.slice(0, e.at) + t.slice(e.at + e.length)), text),
  );
}

/** Data-level damage: parse (failsafe, as the reader does), mutate the values, write YAML back. */
function dataMutations(text: string): fc.Arbitrary<string> {
  const data = parseYaml(text, { schema: 'failsafe' }) as unknown;
  const paths = jsonPaths(data);
  return mutations(paths.length).map((list) => stringifyYaml(applyMutations(data, paths, list)));
}

/** Arbitrary text with CANARY in it, rarely anything like our files. */
const noiseWithCanary = fc
  .tuple(fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 3 }), fc.constantFrom('- ', 'a: ', '[', '{', 'key: |\n  ')), fc.string({ maxLength: 200 }))
  .map(([a, b]) => `${a}${CANARY}${b}`);
const looksLikeOurs = (text: string) => /^(version|framework|scopes)\s*:/m.test(text);

describe('attestations reader fuzzing', () => {
  it('the valid file parses', () => {
    expect(readAttestations(validAttestations).items.length).toBeGreaterThan(10);
  });

  it.each([
    ['data', dataMutations(validAttestations)],
    ['character', textMutations(validAttestations)],
  ])('%s mutations parse or give an AttestationError', (_kind, texts) => {
    const outcomes = { parsed: 0, refused: 0 };
    fc.assert(
      fc.property(texts, (text) => {
        outcomes[parsedOrTyped(() => readAttestations(text), AttestationError) === null ? 'parsed' : 'refused']++;
      }),
      { seed: FUZZ.seed, numRuns: FUZZ.runs(200) },
    );
    expect(outcomes.parsed).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it('any other text gives an AttestationError that does not repeat it', () => {
    fc.assert(
      fc.property(noiseWithCanary, (text) => {
        const message = parsedOrTyped(() => readAttestations(text), AttestationError);
        expect(message).not.toBeNull();
        expect(looksLikeOurs(text) || !message?.includes(CANARY)).toBe(true);
      }),
      { seed: FUZZ.seed, numRuns: FUZZ.runs(200) },
    );
  });
});

describe('scope reader fuzzing', () => {
  it('the valid file parses', () => {
    expect(readScopes(validScopes).map((s) => s.name)).toEqual(['plant-a', 'whole-org']);
  });

  it('data and character mutations parse or give a ScopeFileError', () => {
    const outcomes = { parsed: 0, refused: 0 };
    fc.assert(
      fc.property(fc.oneof(dataMutations(validScopes), textMutations(validScopes)), (text) => {
        outcomes[parsedOrTyped(() => readScopes(text), ScopeFileError) === null ? 'parsed' : 'refused']++;
      }),
      { seed: FUZZ.seed, numRuns: FUZZ.runs(200) },
    );
    expect(outcomes.parsed).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it('any other text gives a ScopeFileError that does not repeat it', () => {
    fc.assert(
      fc.property(noiseWithCanary, (text) => {
        const message = parsedOrTyped(() => readScopes(text), ScopeFileError);
        expect(message).not.toBeNull();
        expect(looksLikeOurs(text) || !message?.includes(CANARY)).toBe(true);
      }),
      { seed: FUZZ.seed, numRuns: FUZZ.runs(200) },
    );
  });
});
