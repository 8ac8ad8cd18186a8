/**
 * JSON text from an input file, checked before JSON.parse sees it:
 * - syntax is validated by a small iterative scanner, so a broken file is reported with its line and column
 *   and a content-free reason (V8's own message quotes the first bytes of the file, which may be a secret);
 * - nesting deeper than MAX_JSON_DEPTH is refused before parsing, so no later recursive walk (zod,
 *   renderers, JSON.stringify) can overflow the stack.
 */
import { UserError } from '../core/errors.js';

/** Deepest object/array nesting accepted; ftr-ready's own files stay far below (about 15 levels). */
export const MAX_JSON_DEPTH = 100;

export interface JsonTextProblem {
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  /** True when the text nests deeper than allowed (it may be valid JSON otherwise). */
  readonly tooDeep: boolean;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

function charName(code: number): string {
  if (code === 0x22) return 'a quote';
  if (code === 0x7b || code === 0x7d) return 'a brace';
  if (code === 0x5b || code === 0x5d) return 'a bracket';
  if (code === 0x2c) return 'a comma';
  if (code === 0x3a) return 'a colon';
  if (code >= 0x30 && code <= 0x39) return 'a digit';
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return 'a letter';
  if (code < 0x20) return 'a control character';
  return 'an unexpected character';
}

/**
 * Finds the first syntax error or excessive nesting in `text`, or null when it is one valid JSON value.
 * Linear time, constant stack.
 */
export function findJsonProblem(text: string, maxDepth = MAX_JSON_DEPTH): JsonTextProblem | null {
  const n = text.length;
  let i = 0;
  // Open containers: true for an object, false for an array.
  const stack: boolean[] = [];

  const at = (pos: number, reason: string, tooDeep = false): JsonTextProblem => {
    let line = 1;
    let lineStart = 0;
    for (let k = text.indexOf('\n'); k !== -1 && k < pos; k = text.indexOf('\n', k + 1)) {
      line++;
      lineStart = k + 1;
    }
    return { line, column: pos - lineStart + 1, reason, tooDeep };
  };
  const skipWs = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const unexpected = (expected: string): JsonTextProblem =>
    i >= n ? at(i, `the text ends where ${expected} was expected (truncated file?)`) : at(i, `${charName(text.charCodeAt(i))} where ${expected} was expected`);

  /** Scans a string starting at the opening quote; returns a problem or null. */
  const scanString = (): JsonTextProblem | null => {
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c < 0x20) return at(i, 'a control character inside a string');
      if (c === 0x5c) {
        const e = text.charCodeAt(i + 1);
        if (e === 0x75) {
          for (let k = 2; k < 6; k++) {
            const h = text.charCodeAt(i + k);
            const hex = (h >= 0x30 && h <= 0x39) || (h >= 0x41 && h <= 0x46) || (h >= 0x61 && h <= 0x66);
            if (!hex) return at(i, 'a bad \\u escape in a string');
          }
          i += 6;
          continue;
        }
        if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
          i += 2;
          continue;
        }
        return at(i, 'a bad escape in a string');
      }
      i++;
    }
    return at(start, 'a string that is never closed (truncated file?)');
  };

  const digits = (): number => {
    const s = i;
    while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    return i - s;
  };
  const scanNumber = (): JsonTextProblem | null => {
    if (text.charCodeAt(i) === 0x2d) i++;
    if (text.charCodeAt(i) === 0x30) i++;
    else if (digits() === 0) return unexpected('a number');
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      if (digits() === 0) return unexpected('a digit');
    }
    const e = text.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 0x2b || sign === 0x2d) i++;
      if (digits() === 0) return unexpected('a digit');
    }
    return null;
  };
  const scanWord = (word: string): boolean => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return true;
    }
    return false;
  };

  // Alternates between "a value is expected" and "after a value" until the text ends.
  for (;;) {
    // A value.
    skipWs();
    if (i >= n) return unexpected('a value');
    const c = text.charCodeAt(i);
    let opened = false;
    if (c === 0x7b || c === 0x5b) {
      if (stack.length >= maxDepth) return at(i, `objects and arrays are nested deeper than ${maxDepth} levels`, true);
      const isObject = c === 0x7b;
      stack.push(isObject);
      i++;
      skipWs();
      const close = isObject ? 0x7d : 0x5d;
      if (text.charCodeAt(i) === close) {
        stack.pop();
        i++;
      } else if (isObject) {
        if (text.charCodeAt(i) !== 0x22) return unexpected('a quoted key');
        const p = scanString();
        if (p) return p;
        skipWs();
        if (text.charCodeAt(i) !== 0x3a) return unexpected('a colon');
        i++;
        opened = true;
      } else {
        opened = true;
      }
    } else if (c === 0x22) {
      const p = scanString();
      if (p) return p;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const p = scanNumber();
      if (p) return p;
    } else if (!(scanWord('true') || scanWord('false') || scanWord('null'))) {
      return unexpected('a value');
    }
    if (opened) continue;

    // After a value: close containers, or a comma and the next value.
    for (;;) {
      skipWs();
      const top = stack[stack.length - 1];
      if (top === undefined) {
        return i >= n ? null : at(i, `${charName(text.charCodeAt(i))} after the end of the JSON value`);
      }
      const d = text.charCodeAt(i);
      if (d === (top ? 0x7d : 0x5d)) {
        stack.pop();
        i++;
        continue;
      }
      if (d !== 0x2c) return unexpected(top ? 'a comma or a closing brace' : 'a comma or a closing bracket');
      i++;
      if (top) {
        skipWs();
        if (text.charCodeAt(i) !== 0x22) return unexpected('a quoted key');
        const p = scanString();
        if (p) return p;
        skipWs();
        if (text.charCodeAt(i) !== 0x3a) return unexpected('a colon');
        i++;
      }
      break;
    }
  }
}

/**
 * Parses JSON text from `file`, or throws a UserError "`file` is not valid JSON (line L, column C: reason)"
 * that never quotes the text. `what` completes the sentence: "the file is corrupt or truncated".
 */
export function parseJsonText(text: string, file: string, what: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const problem = findJsonProblem(body);
  if (problem?.tooDeep) {
    throw new UserError(`${file} is refused: ${problem.reason} (line ${problem.line}, column ${problem.column}); ${what}.`);
  }
  if (problem) {
    throw new UserError(`${file} is not valid JSON (line ${problem.line}, column ${problem.column}: ${problem.reason}); ${what}.`);
  }
  return JSON.parse(body) as unknown;
}
