/** Content addressing and compression of stored documents and files. */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export function sha256Hex(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

export interface EncodedContent {
  /** sha256 of the uncompressed bytes: the content address. */
  readonly sha256: string;
  /** Uncompressed size in bytes. */
  readonly size: number;
  readonly encoding: 'gzip' | 'identity';
  /** The bytes as stored. */
  readonly content: Buffer;
}

/** JSON text, gzip-compressed (documents compress 10-30x). Runs zlib off the main thread. */
export async function encodeJson(text: string): Promise<EncodedContent> {
  const bytes = Buffer.from(text, 'utf8');
  return { sha256: sha256Hex(bytes), size: bytes.length, encoding: 'gzip', content: await gzipAsync(bytes) };
}

/** Files are stored as they are (PDFs, images and office files are already compressed). */
export function encodeFile(bytes: Buffer): EncodedContent {
  return { sha256: sha256Hex(bytes), size: bytes.length, encoding: 'identity', content: bytes };
}

export async function decode(encoding: string, content: Uint8Array): Promise<Buffer> {
  const buffer = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  if (encoding === 'identity') return buffer;
  if (encoding === 'gzip') return gunzipAsync(buffer);
  throw new Error(`unknown blob encoding ${encoding}`);
}
