/**
 * Which ftr-ready file a document is, so a file given to the wrong command gets "this is a snapshot, use
 * `ftr evaluate`" instead of a list of schema errors. Decided on top-level field names only.
 */
import { z } from 'zod';

export type FtrFileKind = 'snapshot' | 'assessment' | 'attestations' | 'scope';

function hasKeys(data: unknown, keys: readonly string[]): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && keys.every((k) => Object.hasOwn(data, k));
}

/** The kind of a parsed JSON document, or null when it looks like none of ours. */
export function jsonFileKind(data: unknown): FtrFileKind | null {
  if (hasKeys(data, ['generatedAt', 'framework', 'items', 'findings'])) return 'assessment';
  if (hasKeys(data, ['startedAt', 'finishedAt', 'accounts', 'operations'])) return 'snapshot';
  return null;
}

/** The kind of a text that is not JSON: our YAML inputs start with `version:` and name `framework:` or `scopes:`. */
export function yamlFileKind(text: string): FtrFileKind | null {
  const head = text.slice(0, 64 * 1024);
  if (!/^version:\s*["']?1["']?\s*(#.*)?$/m.test(head)) return null;
  if (/^scopes:/m.test(head)) return 'scope';
  if (/^framework:/m.test(head)) return 'attestations';
  return null;
}

/** What to do with a file of this kind, for "X is a KIND, not a ...; ADVICE" messages. */
export function adviceFor(kind: FtrFileKind, file: string): string {
  switch (kind) {
    case 'snapshot':
      return `${file} is a snapshot (written by \`ftr scan\`), not an assessment: evaluate it with \`ftr evaluate ${file}\`, which writes assessment.json`;
    case 'assessment':
      return `${file} is an assessment (assessment.json), not a snapshot: render it with \`ftr report ${file}\``;
    case 'attestations':
      return `${file} is an attestations file: pass it to \`ftr evaluate <snapshot> --attestations ${file}\``;
    case 'scope':
      return `${file} is a scope file: pass it to \`ftr evaluate <snapshot> --scope ${file}\``;
  }
}

/** A schema version as found in a file, repeated only when it looks like one ("2.0"). */
export function versionText(version: string): string {
  return /^\d{1,4}(\.\d{1,4}){0,2}$/.test(version) ? version : '(not a version number)';
}

/** Every object field name a schema defines, at any depth: the path segments an error may show as they are. */
export function schemaFieldNames(schema: z.ZodType): ReadonlySet<string> {
  const names = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const def = (node as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    const shape = def.shape as Record<string, unknown> | undefined;
    if (shape) {
      for (const [key, value] of Object.entries(shape)) {
        names.add(key);
        walk(value);
      }
    }
    for (const key of ['innerType', 'element', 'valueType', 'in', 'out'] as const) walk(def[key]);
    if (Array.isArray(def.options)) def.options.forEach(walk);
  };
  walk(schema);
  return names;
}

/**
 * "path: message" lines for the first few zod issues. Paths show array indexes and the schema's own field
 * names; any other key (a record key from the file: a tag key, a risk name) is shown as `[key]`, and zod's
 * messages do not include the offending values, so nothing of the file's content is repeated.
 */
export function describeIssues(error: z.ZodError, fieldNames: ReadonlySet<string>, max = 5): string {
  const lines = error.issues.slice(0, max).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' || (typeof p === 'string' && fieldNames.has(p)) ? String(p) : '[key]')).join('.');
    return `${path === '' ? '(root)' : path}: ${issue.message}`;
  });
  const more = error.issues.length > max ? ` (and ${error.issues.length - max} more)` : '';
  return `${lines.join('; ')}${more}`;
}
