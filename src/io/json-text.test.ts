import { describe, expect, it } from 'vitest';
import { findJsonProblem, MAX_JSON_DEPTH, parseJsonText } from './json-text.js';

describe('JSON text checks', () => {
  it.each(['{}', '[]', '0', '-1.5e+3', '"a\\u00e9\\n"', '{"a":[1,true,false,null,{"b":"c"}]}', ' \n{ "a" : 1 }\n'])('accepts %s', (text) => {
    expect(findJsonProblem(text)).toBeNull();
    expect(() => JSON.parse(text) as unknown).not.toThrow();
  });

  it.each([
    ['', 1, 1, /ends where a value was expected/],
    ['{"a":1,}', 1, 8, /a brace where a quoted key was expected/],
    ['{"a" 1}', 1, 6, /a digit where a colon was expected/],
    ['[1 2]', 1, 4, /a digit where a comma or a closing bracket was expected/],
    ['{"a":"b\n"}', 1, 8, /a control character inside a string/],
    ['{"a":\n  tru}', 2, 3, /a letter where a value was expected/],
    ['01', 1, 2, /after the end of the JSON value/],
    ['"abc', 1, 1, /never closed/],
    ['{"a":"\\x"}', 1, 7, /bad escape/],
    ['[-]', 1, 3, /a bracket where a number was expected/],
  ])('reports %j at line %i, column %i without quoting it', (text, line, column, reason) => {
    const problem = findJsonProblem(text);
    expect(problem).toMatchObject({ line, column, tooDeep: false });
    expect(problem?.reason).toMatch(reason);
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('refuses nesting deeper than the limit before parsing, without recursion', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(findJsonProblem(deep)).toMatchObject({ line: 1, column: MAX_JSON_DEPTH + 1, tooDeep: true });
    expect(() => parseJsonText(deep, 'deep.json', 'the file is corrupt')).toThrow(/deep\.json is refused: objects and arrays are nested deeper than 100 levels/);
    const ok = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(findJsonProblem(ok)).toBeNull();
  });

  it('never quotes the content of a file that is not JSON', () => {
    const shadow = 'root:*:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n';
    let message = '';
    try {
      parseJsonText(shadow, '/tmp/x.json', 'the file is corrupt');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toBe('/tmp/x.json is not valid JSON (line 1, column 1: a letter where a value was expected); the file is corrupt.');
    expect(message).not.toContain('root');
  });

  it('ignores a UTF-8 byte order mark', () => {
    expect(parseJsonText('\ufeff{"a":1}', 'bom.json', 'x')).toEqual({ a: 1 });
  });
});
