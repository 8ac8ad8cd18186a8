/**
 * YAML with positions: parses a hand-written file with the failsafe schema (every scalar is a string, so
 * `2.10` stays "2.10", an account id keeps its leading zero and `no` is not a boolean), keeps the source
 * tokens and a LineCounter, and maps a field path (as zod reports it) back to a line and column.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ZodError } from 'zod';
import type { InputIssue } from './errors.js';

export interface YamlSource {
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** Syntax problems (bad indentation, duplicate keys, unclosed quotes); empty when the YAML is well formed. */
  readonly syntaxIssues: readonly InputIssue[];
}

export type PathSegment = string | number;

export function parseYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', keepSourceTokens: true, lineCounter, prettyErrors: false });
  const syntaxIssues = [...doc.errors].map((err) => {
    const pos = lineCounter.linePos(err.pos[0]);
    const message = err.message.split('\n')[0] ?? err.message;
    return { file, line: pos.line, column: pos.col, path: '', message: `YAML syntax error (${err.code}): ${message}` };
  });
  return { file, doc, lineCounter, syntaxIssues };
}

interface Located {
  /** Offset of the node the path points at, or of the closest existing ancestor entry's key. */
  readonly offset: number;
  /** True when the whole path exists in the document. */
  readonly found: boolean;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return typeof key.value === 'string' ? key.value : String(key.value);
  return undefined;
}

/** Finds the node at `path`. With `atKey`, points at the key of the last map entry instead of its value. */
export function locate(source: YamlSource, path: readonly PathSegment[], atKey = false): Located {
  let node: unknown = source.doc.contents;
  let offset = (source.doc.contents as Node | null)?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
      if (!pair) return { offset, found: false };
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      if (last && atKey && keyNode?.range) return { offset: keyNode.range[0], found: true };
      // An empty value (`owner:`) has no useful range of its own; fall back to the key.
      offset = valueNode?.range && !(isScalar(valueNode) && valueNode.value === '' && valueNode.range[0] === valueNode.range[1])
        ? valueNode.range[0]
        : (keyNode?.range?.[0] ?? offset);
      if (!last) offset = keyNode?.range?.[0] ?? offset;
      node = valueNode;
      if (last) return { offset, found: true };
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item?.range) return { offset, found: false };
      offset = item.range[0];
      node = item;
      if (last) return { offset, found: true };
    } else {
      return { offset, found: false };
    }
  }
  return { offset, found: true };
}

export function issueAt(source: YamlSource, path: readonly PathSegment[], message: string, atKey = false): InputIssue {
  const { offset } = locate(source, path, atKey);
  const pos = source.lineCounter.linePos(offset);
  return { file: source.file, line: pos.line, column: pos.col, path: path.join('.'), message };
}

function describeType(input: unknown): string {
  if (input === undefined) return 'missing';
  if (Array.isArray(input)) return 'a list';
  if (input === null) return 'empty';
  if (typeof input === 'string') return input === '' ? 'an empty value' : `"${input}"`;
  return typeof input === 'object' ? 'a mapping' : typeof input;
}

/** Maps zod's issues to positioned input issues; unknown keys point at the key itself. */
export function zodIssues(source: YamlSource, error: ZodError): InputIssue[] {
  const out: InputIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push(issueAt(source, [...path, key], `unknown field "${key}"`, true));
      continue;
    }
    if (issue.code === 'invalid_type') {
      const input = issue.input;
      if (input === undefined) {
        const field = path[path.length - 1];
        out.push(issueAt(source, path, `required field "${String(field)}" is missing`));
      } else {
        out.push(issueAt(source, path, `expected ${issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : issue.expected}, got ${describeType(input)}`));
      }
      continue;
    }
    out.push(issueAt(source, path, issue.message));
  }
  return out;
}
