import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeJsonArray, writeJsonDocument } from './json-stream-writer.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ftr-json-stream-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function* fromAsync<T>(values: readonly T[]): AsyncGenerator<T> {
  for (const v of values) yield await Promise.resolve(v);
}

const element = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.string().map((s) => `<${s}>`));

describe('streamed JSON is what JSON.stringify writes', () => {
  it('a document with streamed top-level arrays: indented, compact, with < escaped', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 4 }), fc.array(element, { maxLength: 6 }), async (doc, rows) => {
        const path = join(dir, 'doc.json');
        const whole = { ...doc, rows };
        await writeJsonDocument(path, { ...doc, rows: [] }, { rows: fromAsync(rows) });
        expect(await readFile(path, 'utf8')).toBe(`${JSON.stringify(whole, null, 2)}\n`);
        await writeJsonDocument(path, { ...doc, rows: [] }, { rows }, { compact: true, escapeLt: true });
        expect(await readFile(path, 'utf8')).toBe(`${JSON.stringify(whole).replace(/</g, '\\u003c')}\n`);
      }),
      { numRuns: 40 },
    );
  });

  it('a top-level array, indented or compact, from a generator', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(element, { maxLength: 8 }), fc.boolean(), async (rows, compact) => {
        const path = join(dir, 'array.json');
        await writeJsonArray(path, (function* () { yield* rows; })(), { compact, escapeLt: true });
        expect(await readFile(path, 'utf8')).toBe(`${JSON.stringify(rows, null, compact ? undefined : 2).replace(/</g, '\\u003c')}\n`);
      }),
      { numRuns: 40 },
    );
  });

  it('leaves no file behind when the source fails', async () => {
    const path = join(dir, 'failed.json');
    const failing = (function* () {
      yield 1;
      throw new Error('source broke');
    })();
    await expect(writeJsonArray(path, failing)).rejects.toThrow('source broke');
    await expect(readFile(path, 'utf8')).rejects.toThrow();
  });
});
