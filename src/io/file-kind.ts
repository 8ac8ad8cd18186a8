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

/** "path: message" lines for the first few zod issues; paths only, never the offending values. */
export function describeIssues(error: z.ZodError, max = 5): string {
  const lines = error.issues.slice(0, max).map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'string' && p.length > 40 ? `${p.slice(0, 40)}…` : String(p))).join('.');
    return `${path === '' ? '(root)' : path}: ${issue.message}`;
  });
  const more = error.issues.length > max ? ` (and ${error.issues.length - max} more)` : '';
  return `${lines.join('; ')}${more}`;
}
