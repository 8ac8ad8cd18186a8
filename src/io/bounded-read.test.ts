import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../core/errors.js';
import { forEachChunkSync, gunzipBounded, InputReadError, inputLimitBytes, readInputFile, readInputFileSync } from './bounded-read.js';

const dir = mkdtempSync(join(tmpdir(), 'ftr-bounded-'));
const fifo = join(dir, 'pipe');
execFileSync('mkfifo', [fifo]);
const regular = join(dir, 'file.json');
writeFileSync(regular, '{"a":1}');
symlinkSync(regular, join(dir, 'link-to-file'));
symlinkSync('/dev/zero', join(dir, 'link-to-zero'));
symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'));

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the bounded reader', () => {
  it('reads a regular file, also through a symbolic link', async () => {
    expect(readInputFileSync(regular, 'scope').toString()).toBe('{"a":1}');
    expect((await readInputFile(join(dir, 'link-to-file'), 'snapshot')).toString()).toBe('{"a":1}');
  });

  it.each([
    ['/dev/zero', /Cannot read snapshot file \/dev\/zero: it is a character device; only regular files are read/],
    [fifo, /it is a named pipe \(FIFO\); only regular files are read/],
    [dir, /it is a directory/],
    [join(dir, 'link-to-zero'), /link-to-zero: it is a character device/],
  ])('refuses %s without reading it (async and sync)', async (path, message) => {
    await expect(readInputFile(path, 'snapshot')).rejects.toThrow(message);
    expect(() => readInputFileSync(path, 'snapshot')).toThrow(message);
    expect(() => readInputFileSync(path, 'snapshot')).toThrow(InputReadError);
  });

  it('says "not found" for a missing file and a dangling link', async () => {
    await expect(readInputFile(join(dir, 'missing.json.gz'), 'snapshot')).rejects.toThrow(/Snapshot file not found: .*missing\.json\.gz/);
    expect(() => readInputFileSync(join(dir, 'dangling'), 'attestations')).toThrow(/Attestations file not found/);
  });

  it('refuses a file over the limit of its kind before reading it', () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, Buffer.alloc(1024 * 1024 + 1, 0x61));
    expect(() => readInputFileSync(big, 'scope')).toThrow(/Cannot read scope file .*big\.yaml: it is 1 MB, larger than the 1 MB limit for a scope file\./);
    let chunks = 0;
    expect(() => forEachChunkSync(big, 'scope', () => chunks++)).toThrow(InputReadError);
    expect(chunks).toBe(0);
  });

  it('takes the limit from the environment where it is configurable, and refuses a bad value', () => {
    vi.stubEnv('FTR_MAX_SNAPSHOT_MB', '2');
    expect(inputLimitBytes('snapshot')).toBe(2 * 1024 * 1024);
    vi.stubEnv('FTR_MAX_SNAPSHOT_MB', 'lots');
    expect(() => inputLimitBytes('snapshot')).toThrow(UserError);
    expect(() => inputLimitBytes('snapshot')).toThrow(/FTR_MAX_SNAPSHOT_MB must be a whole number of MB between 1 and 500/);
  });

  it('stops a gzip bomb at the decompressed limit: 4 MB of gzip that would inflate to gigabytes', async () => {
    // Concatenated gzip members are one valid stream: 16 MB of zeros compresses to ~16 KB, repeated to 4 MB.
    const member = gzipSync(Buffer.alloc(16 * 1024 * 1024));
    const bomb = Buffer.concat(Array.from({ length: Math.ceil((4 * 1024 * 1024) / member.length) }, () => member));
    expect(bomb.length).toBeGreaterThanOrEqual(4 * 1024 * 1024);
    await expect(gunzipBounded(bomb, 'bomb.json.gz', 'snapshot')).rejects.toThrow(
      /bomb\.json\.gz: decompressed size exceeds 256 MB, the limit for a snapshot file: a corrupt file or a gzip bomb \(set FTR_MAX_SNAPSHOT_MB to change it\)/,
    );
  });
});
