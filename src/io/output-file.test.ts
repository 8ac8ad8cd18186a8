import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWritableDestination, OutputPathError, prepareOutputDir, writeOutputFile, writeOutputStream } from './output-file.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ftr-output-file-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

describe('writeOutputFile', () => {
  it('creates missing folders 0700 and the file 0600, and leaves no temp file', async () => {
    const path = join(root, 'new', 'deeper', 'assessment.json');
    await writeOutputFile(path, '{"ok":true}\n');
    expect(await readFile(path, 'utf8')).toBe('{"ok":true}\n');
    expect(await mode(path)).toBe(0o600);
    expect(await mode(join(root, 'new'))).toBe(0o700);
    expect(await mode(join(root, 'new', 'deeper'))).toBe(0o700);
    expect(await readdir(join(root, 'new', 'deeper'))).toEqual(['assessment.json']);
  });

  it('replaces an existing regular file (and makes it 0600)', async () => {
    const path = join(root, 'existing.md');
    await writeFile(path, 'old', { mode: 0o644 });
    await writeOutputFile(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await mode(path)).toBe(0o600);
  });

  it('refuses a symbolic link at the destination and leaves its target untouched', async () => {
    const dir = join(root, 'link');
    await mkdir(dir);
    const target = join(root, 'precious.txt');
    await writeFile(target, 'precious');
    await symlink(target, join(dir, 'ftr-report.md'));
    await expect(writeOutputFile(join(dir, 'ftr-report.md'), 'report')).rejects.toThrow(OutputPathError);
    await expect(writeOutputFile(join(dir, 'ftr-report.md'), 'report')).rejects.toThrow(/symbolic link/);
    expect(await readFile(target, 'utf8')).toBe('precious');
    expect(await readdir(dir)).toEqual(['ftr-report.md']);
  });

  it('refuses a dangling symbolic link and does not create its target', async () => {
    const dir = join(root, 'dangling');
    await mkdir(dir);
    const target = join(root, 'would-be-created.txt');
    await symlink(target, join(dir, 'assessment.json'));
    await expect(writeOutputFile(join(dir, 'assessment.json'), '{}')).rejects.toThrow(/symbolic link/);
    await expect(stat(target)).rejects.toThrow(/ENOENT/);
  });

  it('refuses a destination that is a folder', async () => {
    const dir = join(root, 'is-a-dir');
    await mkdir(join(dir, 'ftr-report.html'), { recursive: true });
    await expect(writeOutputFile(join(dir, 'ftr-report.html'), 'x')).rejects.toThrow(/not a regular file/);
  });

  it('a writer that fails half-way leaves the previous file whole and no temp file', async () => {
    const dir = join(root, 'atomic');
    const path = join(dir, 'ftr-report.xlsx');
    await writeOutputFile(path, 'previous complete file');
    await expect(
      writeOutputStream(path, (stream) => {
        stream.write('half of a new file');
        return Promise.reject(new Error('crash while rendering'));
      }),
    ).rejects.toThrow('crash while rendering');
    expect(await readFile(path, 'utf8')).toBe('previous complete file');
    expect(await readdir(dir)).toEqual(['ftr-report.xlsx']);
  });

  it('streams into the destination', async () => {
    const path = join(root, 'stream', 'out.txt');
    await writeOutputStream(path, (stream) => {
      stream.write('a');
      stream.end('b');
      return Promise.resolve();
    });
    expect(await readFile(path, 'utf8')).toBe('ab');
    expect(await mode(path)).toBe(0o600);
  });
});

describe('assertWritableDestination', () => {
  it('accepts a missing file and a regular file', async () => {
    await expect(assertWritableDestination(join(root, 'missing.json'))).resolves.toBeUndefined();
    await writeFile(join(root, 'regular.json'), '{}');
    await expect(assertWritableDestination(join(root, 'regular.json'))).resolves.toBeUndefined();
  });
});

describe('prepareOutputDir', () => {
  it('creates the folder', async () => {
    await prepareOutputDir(join(root, 'prepared', 'out'));
    expect((await stat(join(root, 'prepared', 'out'))).isDirectory()).toBe(true);
    expect(await readdir(join(root, 'prepared', 'out'))).toEqual([]);
  });

  it.each([
    ['a file', async () => {
      await writeFile(join(root, 'a-file'), 'x');
      return join(root, 'a-file');
    }, /it is a file, not a folder/],
    ['a folder under a file', async () => {
      await writeFile(join(root, 'b-file'), 'x');
      return join(root, 'b-file', 'out');
    }, /b-file is a file, not a folder/],
    ['/proc/self/x (where a recursive mkdir never returns)', () => Promise.resolve('/proc/self/x'), /Cannot write to the output directory \/proc\/self\/x/],
  ])('refuses %s with a clear message', async (_name, make, message) => {
    const dir = await make();
    await expect(prepareOutputDir(dir)).rejects.toThrow(OutputPathError);
    await expect(prepareOutputDir(dir)).rejects.toThrow(message);
  });
});
