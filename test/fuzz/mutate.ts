/**
 * Structure-aware mutations for the fuzz tests: take a valid document (snapshot, assessment, attestations),
 * pick places in it and change them the way a broken tool, a hand edit or an attacker would: another type,
 * an empty or huge value, a deleted field, a date or currency that is not one, a deep nesting. Strings put
 * in carry CANARY, so a test can assert that no error message repeats what the file holds.
 */
import fc from 'fast-check';

export const CANARY = 'CANARY-7f3a';

/** Fixed seed and modest run counts keep `npm test` quick and reproducible; raise them locally to dig deeper. */
export const FUZZ = {
  seed: Number(process.env.FTR_FUZZ_SEED ?? 20261130),
  runs: (base: number) => Math.max(1, Math.round(base * Number(process.env.FTR_FUZZ_SCALE ?? 1))),
};

export type JsonPath = readonly (string | number)[];
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value in `doc` (the root excluded), in document order. */
export function jsonPaths(doc: unknown, prefix: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  if (Array.isArray(doc)) {
    doc.forEach((v, i) => {
      out.push([...prefix, i]);
      jsonPaths(v, [...prefix, i], out);
    });
  } else if (doc !== null && typeof doc === 'object') {
    for (const [k, v] of Object.entries(doc)) {
      out.push([...prefix, k]);
      jsonPaths(v, [...prefix, k], out);
    }
  }
  return out;
}

/** Strings that look right to a human and wrong to a parser (or the reverse). */
const trickyString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    CANARY,
    `${CANARY}\n| injected | row |`,
    `<script>${CANARY}</script>`,
    `=HYPERLINK("http://x/${CANARY}")`,
    'yesterday',
    '2026-13-45',
    '2026-02-30T00:00:00Z',
    'NaN',
    'US$',
    'usd',
    'EUR',
    '__proto__',
    'constructor',
    '\u0000\u001f',
    '\ud800',
    'x'.repeat(5000) + CANARY,
  ),
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.string({ maxLength: 20 }).map((s) => `${CANARY}${s}`),
);

const trickyNumber = fc.oneof(fc.constantFrom(0, -1, 1.5, -0, 2 ** 53 + 1, 1e308, -1e308, 4294967296), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());

/** Any JSON value, including deep ones (but far below the depth limit: that has its own test). */
const randomJson: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => v as Json),
  trickyString,
  trickyNumber,
  fc.constantFrom<Json>(null, true, false, {}, [], [CANARY], { [CANARY]: CANARY }, { ok: true }, { ok: false }, { ok: true, value: {} }),
);

export type Mutation =
  | { readonly kind: 'replace'; readonly at: number; readonly value: Json }
  | { readonly kind: 'same-type'; readonly at: number; readonly value: Json }
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'wrap'; readonly at: number };

/** Relative weights of the mutation kinds. */
export interface MutationWeights {
  readonly replace: number;
  readonly sameType: number;
  readonly delete: number;
  readonly wrap: number;
}

/** Mostly structural damage: what the readers must refuse. */
export const READER_WEIGHTS: MutationWeights = { replace: 3, sameType: 4, delete: 2, wrap: 1 };
/** Mostly same-type changes: what passes the schema and reaches checks and renderers. */
export const RENDER_WEIGHTS: MutationWeights = { replace: 1, sameType: 7, delete: 2, wrap: 0 };

/** 1 to 3 mutations at random paths (indexes into `pathCount` paths). */
export function mutations(pathCount: number, weights: MutationWeights = READER_WEIGHTS): fc.Arbitrary<Mutation[]> {
  const at = fc.nat({ max: pathCount - 1 });
  const one: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: weights.replace, arbitrary: fc.record({ kind: fc.constant('replace' as const), at, value: randomJson }) },
    // Same JSON type, other value: the mutations most likely to pass the schema and reach checks and renderers.
    { weight: weights.sameType, arbitrary: fc.record({ kind: fc.constant('same-type' as const), at, value: fc.oneof(trickyString, trickyNumber, fc.boolean(), fc.constant(null)) }) },
    { weight: weights.delete, arbitrary: fc.record({ kind: fc.constant('delete' as const), at }) },
    { weight: weights.wrap, arbitrary: fc.record({ kind: fc.constant('wrap' as const), at }) },
  );
  return fc.array(one, { minLength: 1, maxLength: 3 });
}

function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Applies mutations to a deep copy of `doc`; a same-type mutation whose value has another type is skipped. */
export function applyMutations<T>(doc: T, paths: readonly JsonPath[], list: readonly Mutation[]): T {
  const copy = structuredClone(doc) as unknown;
  for (const m of list) {
    const path = paths[m.at];
    if (!path || path.length === 0) continue;
    let parent: unknown = copy;
    for (const key of path.slice(0, -1)) {
      parent = (parent as Record<string | number, unknown> | null)?.[key];
      if (parent === null || typeof parent !== 'object') break;
    }
    if (parent === null || typeof parent !== 'object') continue;
    const container = parent as Record<string | number, unknown>;
    const key = path[path.length - 1] as string | number;
    if (!(key in container)) continue;
    switch (m.kind) {
      case 'replace':
        container[key] = m.value;
        break;
      case 'same-type':
        if (typeOf(container[key]) === typeOf(m.value) || container[key] === null || m.value === null) container[key] = m.value;
        break;
      case 'delete':
        if (Array.isArray(container) && typeof key === 'number') container.splice(key, 1);
        else Reflect.deleteProperty(container, key);
        break;
      case 'wrap':
        container[key] = [container[key]];
        break;
    }
  }
  return copy as T;
}
