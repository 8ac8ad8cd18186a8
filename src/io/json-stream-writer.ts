/**
 * A JSON document written piece by piece, byte for byte what `JSON.stringify(value, null, 2)` (or, compact,
 * `JSON.stringify(value)`) gives, so a file keeps its format while no part of it is one big string: the
 * top-level arrays are written element by element (`streamed` supplies some of them from a source of its own,
 * such as the findings spool or a generator over the report model). Used by assessment.json and the
 * OCSF/ASFF exchange files. Output goes through io/output-file.ts (temp file + rename, 0600, never through a link).
 */
import { openOutputStream } from './output-file.js';

const INDENT = '  ';
/** Text is handed to the file in pieces of about this many characters. */
const PIECE = 1024 * 1024;

export interface JsonStreamOptions {
  /** No indentation at all (`JSON.stringify(value)`); the default is two spaces. */
  readonly compact?: boolean;
  /** Writes `<` as `\u003c` (same JSON value), so the file can be embedded in an HTML page safely. */
  readonly escapeLt?: boolean;
}

type Elements = Iterable<unknown> | AsyncIterable<unknown>;

/** Writes JSON text to `path` in pieces of about PIECE characters; `finish` commits the file. */
async function pieceWriter(path: string, escapeLt: boolean) {
  const out = await openOutputStream(path);
  let pending: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const piece = pending.join('');
    pending = [];
    size = 0;
    // `<` only ever occurs inside JSON strings, so escaping piece by piece is the same as escaping the whole.
    await out.write(escapeLt ? piece.replace(/</g, '\\u003c') : piece);
  };
  return {
    emit: async (text: string): Promise<void> => {
      pending.push(text);
      size += text.length;
      if (size >= PIECE) await flush();
    },
    finish: async (): Promise<void> => {
      await flush();
      await out.commit();
    },
    abort: () => out.abort(),
  };
}

/** `JSON.stringify(value, null, 2)` as it appears nested at `pad`, or compact. */
function nested(value: unknown, pad: string, compact: boolean): string {
  if (compact) return JSON.stringify(value);
  const text = JSON.stringify(value, null, 2);
  return pad === '' ? text : text.replace(/\n/g, `\n${pad}`);
}

/** Writes an array's elements at nesting `pad` (the array's own indentation), as JSON.stringify would. */
async function writeArray(emit: (text: string) => Promise<void>, elements: Elements, pad: string, compact: boolean): Promise<void> {
  const inner = compact ? '' : pad + INDENT;
  const open = compact ? '[' : '[\n';
  const between = compact ? ',' : ',\n';
  let first = true;
  for await (const element of elements) {
    // JSON.stringify writes null for undefined and functions inside arrays.
    const text = element === undefined || typeof element === 'function' ? 'null' : nested(element, inner, compact);
    await emit(`${first ? open : between}${inner}${text}`);
    first = false;
  }
  await emit(first ? '[]' : compact ? ']' : `\n${pad}]`);
}

/**
 * Writes `document` (a plain object) to `path` with its top-level arrays written element by element; a key in
 * `streamed` takes its elements from that source instead of the document's value. Ends with a newline.
 */
export async function writeJsonDocument(
  path: string,
  document: Readonly<Record<string, unknown>>,
  streamed: Readonly<Record<string, Elements>> = {},
  options: JsonStreamOptions = {},
): Promise<void> {
  const compact = options.compact ?? false;
  const w = await pieceWriter(path, options.escapeLt ?? false);
  try {
    // Keys JSON.stringify leaves out: undefined values and functions.
    const entries = Object.entries(document).filter(([key, value]) => Object.hasOwn(streamed, key) || (value !== undefined && typeof value !== 'function'));
    if (entries.length === 0) {
      await w.emit('{}');
    } else {
      await w.emit(compact ? '{' : '{\n');
      for (const [n, [key, value]] of entries.entries()) {
        await w.emit(compact ? `${JSON.stringify(key)}:` : `${INDENT}${JSON.stringify(key)}: `);
        // Own keys only: a document key such as `toString` is not a stream.
        const source = Object.hasOwn(streamed, key) ? streamed[key] : undefined;
        if (source) await writeArray(w.emit, source, INDENT, compact);
        else if (Array.isArray(value)) await writeArray(w.emit, value, INDENT, compact);
        else await w.emit(nested(value, INDENT, compact));
        if (n < entries.length - 1) await w.emit(compact ? ',' : ',\n');
        else if (!compact) await w.emit('\n');
      }
      await w.emit('}');
    }
    await w.emit('\n');
    await w.finish();
  } catch (err) {
    await w.abort();
    throw err;
  }
}

/** Writes a top-level JSON array to `path` element by element (as `JSON.stringify(array, ...)`), then a newline. */
export async function writeJsonArray(path: string, elements: Elements, options: JsonStreamOptions = {}): Promise<void> {
  const w = await pieceWriter(path, options.escapeLt ?? false);
  try {
    await writeArray(w.emit, elements, '', options.compact ?? false);
    await w.emit('\n');
    await w.finish();
  } catch (err) {
    await w.abort();
    throw err;
  }
}
