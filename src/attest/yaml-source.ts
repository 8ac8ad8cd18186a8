/**
 * YAML with positions: parses a hand-written file with the failsafe schema (every scalar is a string, so
 * `2.10` stays "2.10", an account id keeps its leading zero and `no` is not a boolean), keeps the source
 * tokens and a LineCounter, and maps a field path (as zod reports it) back to a line and column.
 *
 * Hostile input: nesting is limited before the parser runs (deep flow collections exhaust the parser),
 * alias expansion is capped (an alias bomb is an error, not an out-of-memory), and messages never quote a
 * file that is not recognised as ours: syntax errors use the parser's fixed wording or a generic one, and a
 * document without our top-level fields gets one content-free "not an ... file" issue.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
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

/** Deepest `[`/`{` nesting and widest indentation accepted in a hand-written YAML file. */
export const MAX_YAML_FLOW_DEPTH = 64;
export const MAX_YAML_INDENT = 256;
/** Aliases (`*name`) a document may expand; hand-written files use few or none. */
export const MAX_YAML_ALIASES = 100;

/** The yaml parser's messages that are fixed text (others interpolate source text and are replaced). */
const FIXED_MESSAGES = new Set([
  'An alias node must not specify any properties',
  'Alias cannot be an empty string',
  'Alias ending in : is ambiguous',
  'Anchor cannot be an empty string',
  'Anchor ending in : is ambiguous',
  'All sequence items must start at the same column',
  'A block sequence may not be used as an implicit map key',
  'Nested mappings are not allowed in compact mappings',
  'Map keys must be unique',
  'Block scalar header not found',
  'Map comment with trailing content',
  'Block collection cannot start on same line with directives-end marker',
  'Comments must be separated from other tokens by white space characters',
  'Implicit map keys need to be followed by map values',
  'Missing closing "quote',
  'Missing directives-end indicator line',
  'Missing directives-end/doc-start indicator line',
  'Sequence item without - indicator',
  'Tags and anchors must be separated from the next token by white space',
  'Implicit keys need to be on a single line',
  'Implicit keys of flow sequence pairs need to be on a single line',
  'A node can have at most one anchor',
  'A node can have at most one tag',
  'Tabs are not allowed as indentation',
]);

const GENERIC_MESSAGES: Partial<Record<YAMLError['code'], string>> = {
  BAD_DQ_ESCAPE: 'invalid escape sequence in a double-quoted value',
  BAD_INDENT: 'bad indentation',
  BAD_SCALAR_START: 'a plain value cannot start with this character (quote the value)',
  BAD_PROP_ORDER: 'anchors and tags must come after the indicator',
  MISSING_CHAR: 'a character is missing here (a comma, colon, closing quote or bracket)',
  MULTIPLE_DOCS: 'the file holds more than one YAML document',
  TAG_RESOLVE_FAILED: 'unknown YAML tag',
  UNEXPECTED_TOKEN: 'unexpected character',
  RESOURCE_EXHAUSTION: 'the document is too complex to parse',
};

function syntaxMessage(err: YAMLError): string {
  const first = err.message.split('\n')[0] ?? '';
  return FIXED_MESSAGES.has(first) ? first : (GENERIC_MESSAGES[err.code] ?? 'malformed YAML');
}

/** Offset of the first place nesting goes past the limits, with the reason; null when within them. */
function nestingProblem(text: string): { offset: number; message: string } | null {
  let depth = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === 0x20) {
        if (++indent > MAX_YAML_INDENT) return { offset: i, message: `a line is indented more than ${MAX_YAML_INDENT} columns` };
        continue;
      }
      lineStart = false;
    }
    // Counted everywhere, quoted text included: a conservative bound that a real file never reaches.
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_YAML_FLOW_DEPTH) return { offset: i, message: `brackets or braces are nested deeper than ${MAX_YAML_FLOW_DEPTH} levels` };
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return null;
}

export function parseYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const tooDeep = nestingProblem(text);
  // A too-deep document is not handed to the parser at all: an empty document carries the position.
  const doc = parseDocument(tooDeep ? '' : text, { schema: 'failsafe', keepSourceTokens: true, lineCounter, prettyErrors: false });
  if (tooDeep) {
    const before = text.slice(0, tooDeep.offset);
    const line = before.split('\n').length;
    const column = tooDeep.offset - (before.lastIndexOf('\n') + 1) + 1;
    return { file, doc, lineCounter, syntaxIssues: [{ file, line, column, path: '', message: `YAML refused: ${tooDeep.message}` }] };
  }
  const syntaxIssues = [...doc.errors].map((err) => {
    const pos = lineCounter.linePos(err.pos[0]);
    return { file, line: pos.line, column: pos.col, path: '', message: `YAML syntax error (${err.code}): ${syntaxMessage(err)}` };
  });
  return { file, doc, lineCounter, syntaxIssues };
}

/** What a YAML input file must look like at the top, for content-free "not a ... file" messages. */
export interface YamlFileSignature {
  /** "attestations", "scope". */
  readonly what: string;
  /** Top-level keys of which a file of ours has at least one. */
  readonly keys: readonly string[];
  /** What to say about an empty file. */
  readonly whenEmpty: string;
}

/**
 * Parses `text` and returns the document as plain data, or the issues that stop it: syntax, nesting, alias
 * expansion, an empty file, or a document that is not a mapping with one of the signature keys.
 */
export function loadYamlDocument(text: string, file: string, signature: YamlFileSignature): { source: YamlSource; raw: Record<string, unknown> } | { issues: InputIssue[] } {
  const source = parseYamlSource(text, file);
  if (source.syntaxIssues.length > 0) return { issues: [...source.syntaxIssues] };
  const at1 = (message: string): { issues: InputIssue[] } => ({ issues: [{ file, line: 1, column: 1, path: '', message }] });
  let raw: unknown;
  try {
    raw = source.doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    if (err instanceof ReferenceError) return at1(`YAML refused: aliases expand more than ${MAX_YAML_ALIASES} times (an alias bomb?)`);
    if (err instanceof RangeError) return at1('YAML refused: the document is nested too deeply');
    throw err;
  }
  if (raw === null || raw === undefined || raw === '') return at1(signature.whenEmpty);
  const fields = signature.keys.map((k) => `"${k}"`).join(' or ');
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return at1(`this is not an ${signature.what} file: it should be a YAML mapping with ${fields} at the top`);
  }
  if (!signature.keys.some((k) => Object.hasOwn(raw, k))) {
    return at1(`this is not an ${signature.what} file: it has no ${fields} field at the top`);
  }
  return { source, raw: raw as Record<string, unknown> };
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
  // Values of a recognised file may be quoted, shortened so a long one is never dumped whole.
  if (typeof input === 'string') return input === '' ? 'an empty value' : JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
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
