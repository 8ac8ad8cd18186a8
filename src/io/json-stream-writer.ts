/**
 * A JSON document written piece by piece, byte for byte what `JSON.stringify(value, null, 2)` gives, so
 * assessment.json keeps its format while no part of it is one big string: the top-level arrays are written
 * element by element (`streamed` supplies some of them from an async source, such as the findings spool).
 * Output goes through io/output-file.ts (temp file + rename, 0600, never through a link).
 */
import { openOutputStream } from './output-file.js';

const INDENT = '  ';
/** Text is handed to the file in pieces of about this many characters. */
const PIECE = 1024 * 1024;

/** `JSON.stringify(value, null, 2)` as it appears nested at `pad`. */
function nested(value: unknown, pad: string): string {
  const text = JSON.stringify(value, null, 2);
  return pad === '' ? text : text.replace(/\n/g, `\n${pad}`);
}

/**
 * Writes `document` (a plain object) to `path` with its top-level arrays written element by element; a key in
 * `streamed` takes its elements from that source instead of the document's value. Ends with a newline.
 */
export async function writeJsonDocument(
  path: string,
  document: Readonly<Record<string, unknown>>,
  streamed: Readonly<Record<string, AsyncIterable<unknown>>> = {},
): Promise<void> {
  const out = await openOutputStream(path);
  let pending: string[] = [];
  let size = 0;
  const emit = async (text: string): Promise<void> => {
    pending.push(text);
    size += text.length;
    if (size >= PIECE) {
      const piece = pending.join('');
      pending = [];
      size = 0;
      await out.write(piece);
    }
  };
  const array = async (elements: Iterable<unknown> | AsyncIterable<unknown>): Promise<void> => {
    let first = true;
    for await (const element of elements) {
      // JSON.stringify writes null for undefined and functions inside arrays.
      const text = element === undefined || typeof element === 'function' ? 'null' : nested(element, INDENT + INDENT);
      await emit(`${first ? '[\n' : ',\n'}${INDENT}${INDENT}${text}`);
      first = false;
    }
    await emit(first ? '[]' : `\n${INDENT}]`);
  };
  try {
    // Keys JSON.stringify leaves out: undefined values and functions.
    const entries = Object.entries(document).filter(([key, value]) => key in streamed || (value !== undefined && typeof value !== 'function'));
    if (entries.length === 0) {
      await emit('{}');
    } else {
      await emit('{\n');
      for (const [n, [key, value]] of entries.entries()) {
        await emit(`${INDENT}${JSON.stringify(key)}: `);
        const source = streamed[key];
        if (source) await array(source);
        else if (Array.isArray(value)) await array(value);
        else await emit(nested(value, INDENT));
        await emit(n < entries.length - 1 ? ',\n' : '\n');
      }
      await emit('}');
    }
    await emit('\n');
    if (pending.length > 0) await out.write(pending.join(''));
    await out.commit();
  } catch (err) {
    await out.abort();
    throw err;
  }
}
