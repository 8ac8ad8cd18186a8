/** Test helper: a copy of a JSON document with one value replaced or deleted, as a hand edit or a fuzzer would. */
export const DELETE = Symbol('delete');

export type JsonEditPath = readonly (string | number)[];

export function withChange(doc: unknown, path: JsonEditPath, value: unknown): unknown {
  const copy = structuredClone(doc);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object') throw new Error(`no object at ${path.join('.')}`);
    node = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (last === undefined) throw new Error('empty path');
  if (value === DELETE) Reflect.deleteProperty(node, last);
  else node[last] = value;
  return copy;
}
