/**
 * A ZIP archive written to a stream entry by entry (the container of an XLSX workbook), with node:zlib
 * only. Small entries are deflated in one call; large ones (a worksheet of 100,000 rows) are deflated while
 * they are written, on libuv's thread pool, so compression runs beside the code that produces the text.
 *
 * Plain ZIP (no ZIP64): an entry or the archive larger than 4 GiB is refused with a clear error instead of
 * a corrupt file. Deterministic: every entry carries the same timestamp, given by the caller.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const DEFLATE = 8;
/** General purpose flags: bit 3, sizes and CRC follow the data; bit 11, the name is UTF-8. */
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const VERSION = 20;
const MAX_32 = 0xffffffff;

export class ZipTooLargeError extends Error {
  constructor(what: string) {
    super(`${what} is larger than 4 GiB, which a plain ZIP archive (and an XLSX workbook) cannot hold.`);
    this.name = 'ZipTooLargeError';
  }
}

interface Entry {
  readonly name: Buffer;
  readonly flags: number;
  readonly offset: number;
  crc: number;
  compressed: number;
  size: number;
}

/** MS-DOS date and time of `date` (UTC), as ZIP headers carry them; 1980-01-01 at the earliest. */
export function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

export interface ZipWriterOptions {
  /** Timestamp of every entry. */
  readonly modified: Date;
  /** zlib level, 1 (fast) to 9 (small). */
  readonly level?: number;
}

/** A text entry being written: `write` pieces in order, then `end`. */
export interface ZipEntryWriter {
  write(text: string): Promise<void>;
  end(): Promise<void>;
}

export class ZipWriter {
  private offset = 0;
  private readonly entries: Entry[] = [];
  private readonly stamp: { time: number; date: number };
  private readonly level: number;
  private open = false;
  private readonly out: Writable;

  constructor(out: Writable, options: ZipWriterOptions) {
    this.out = out;
    this.stamp = dosDateTime(options.modified);
    this.level = options.level ?? constants.Z_DEFAULT_COMPRESSION;
  }

  private async emit(bytes: Buffer): Promise<void> {
    // A stream that has failed never drains: stop at its error instead of waiting.
    if (this.out.errored) throw this.out.errored;
    if (this.out.destroyed) throw new Error('zip-writer: the output stream was closed');
    this.offset += bytes.length;
    if (!this.out.write(bytes)) await once(this.out, 'drain');
  }

  /**
   * The fields a local header and a central directory header share, in the same order (flags, method, time,
   * date, CRC, sizes, name length), written from `at` (6 in a local header, 8 in a central one).
   */
  private entryFields(h: Buffer, entry: Entry, at: number): void {
    h.writeUInt16LE(entry.flags, at);
    h.writeUInt16LE(DEFLATE, at + 2);
    h.writeUInt16LE(this.stamp.time, at + 4);
    h.writeUInt16LE(this.stamp.date, at + 6);
    h.writeUInt32LE(entry.crc, at + 8);
    h.writeUInt32LE(entry.compressed, at + 12);
    h.writeUInt32LE(entry.size, at + 16);
    h.writeUInt16LE(entry.name.length, at + 20);
  }

  private localHeader(entry: Entry): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(LOCAL_HEADER, 0);
    h.writeUInt16LE(VERSION, 4);
    // With a data descriptor, CRC and sizes are zero here and follow the data. Extra field length: zero.
    this.entryFields(h, entry, 6);
    return Buffer.concat([h, entry.name]);
  }

  private begin(name: string, flags: number): Entry {
    if (this.open) throw new Error('zip-writer: one entry at a time');
    if (this.offset > MAX_32) throw new ZipTooLargeError('The archive');
    const entry: Entry = { name: Buffer.from(name, 'utf8'), flags: flags | FLAG_UTF8, offset: this.offset, crc: 0, compressed: 0, size: 0 };
    this.entries.push(entry);
    return entry;
  }

  /** A small entry, compressed in one call. */
  async addFile(name: string, content: string | Buffer): Promise<void> {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const entry = this.begin(name, 0);
    const packed = deflateRawSync(data, { level: this.level });
    entry.crc = crc32(data);
    entry.size = data.length;
    entry.compressed = packed.length;
    await this.emit(this.localHeader(entry));
    await this.emit(packed);
  }

  /** A large entry, compressed as it is written; its CRC and sizes follow it in a data descriptor. */
  async startFile(name: string): Promise<ZipEntryWriter> {
    const entry = this.begin(name, FLAG_DATA_DESCRIPTOR);
    this.open = true;
    await this.emit(this.localHeader(entry));
    const deflate = createDeflateRaw({ level: this.level });
    // The compressed bytes go to the archive as they come; a failure of either side ends both.
    const drained = (async () => {
      for await (const chunk of deflate as AsyncIterable<Buffer>) {
        entry.compressed += chunk.length;
        await this.emit(chunk);
      }
    })();
    drained.catch(() => undefined);
    let crc = 0;
    return {
      write: async (text: string): Promise<void> => {
        const bytes = Buffer.from(text, 'utf8');
        crc = crc32(bytes, crc);
        entry.size += bytes.length;
        if (entry.size > MAX_32) {
          deflate.destroy();
          throw new ZipTooLargeError(`The part ${name}`);
        }
        if (!deflate.write(bytes)) await Promise.race([once(deflate, 'drain'), drained]);
      },
      end: async (): Promise<void> => {
        deflate.end();
        await drained;
        entry.crc = crc;
        if (entry.compressed > MAX_32) throw new ZipTooLargeError(`The part ${name}`);
        const d = Buffer.alloc(16);
        d.writeUInt32LE(DATA_DESCRIPTOR, 0);
        d.writeUInt32LE(entry.crc, 4);
        d.writeUInt32LE(entry.compressed, 8);
        d.writeUInt32LE(entry.size, 12);
        await this.emit(d);
        this.open = false;
      },
    };
  }

  /** Writes the central directory and ends the stream (resolves once it is flushed). */
  async finish(): Promise<void> {
    if (this.open) throw new Error('zip-writer: an entry is still open');
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(CENTRAL_HEADER, 0);
      h.writeUInt16LE(VERSION, 4);
      h.writeUInt16LE(VERSION, 6);
      this.entryFields(h, e, 8);
      // Extra field, comment, disk number, internal and external attributes: all zero.
      h.writeUInt32LE(e.offset, 42);
      await this.emit(Buffer.concat([h, e.name]));
    }
    const size = this.offset - start;
    if (this.offset > MAX_32) throw new ZipTooLargeError('The archive');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    await this.emit(end);
    const finished = once(this.out, 'finish');
    this.out.end();
    await finished;
  }
}
