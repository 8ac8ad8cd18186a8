/**
 * What the store accepts as an evidence file: a size limit and a short list of document and image types,
 * each checked by its extension AND its content (a ".pdf" that is not a PDF is refused). Active content
 * (HTML, SVG, scripts) is never accepted: the dashboard serves these files back to reviewers' browsers.
 */
import { basename } from 'node:path';
import { EvidenceRejectedError } from './errors.js';

export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;

type Sniff = (bytes: Buffer) => boolean;

const startsWith = (signature: readonly number[]): Sniff => (bytes) => signature.every((b, i) => bytes[i] === b);
const zip = startsWith([0x50, 0x4b, 0x03, 0x04]);
/** Plain text: valid UTF-8 and no NUL bytes. */
const text: Sniff = (bytes) => !bytes.includes(0) && Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);

const TYPES: Readonly<Record<string, { readonly mediaType: string; readonly sniff: Sniff }>> = {
  pdf: { mediaType: 'application/pdf', sniff: startsWith([0x25, 0x50, 0x44, 0x46, 0x2d]) },
  png: { mediaType: 'image/png', sniff: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { mediaType: 'image/jpeg', sniff: startsWith([0xff, 0xd8, 0xff]) },
  jpeg: { mediaType: 'image/jpeg', sniff: startsWith([0xff, 0xd8, 0xff]) },
  txt: { mediaType: 'text/plain', sniff: text },
  md: { mediaType: 'text/markdown', sniff: text },
  csv: { mediaType: 'text/csv', sniff: text },
  json: { mediaType: 'application/json', sniff: text },
  yaml: { mediaType: 'application/yaml', sniff: text },
  yml: { mediaType: 'application/yaml', sniff: text },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', sniff: zip },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sniff: zip },
  pptx: { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', sniff: zip },
};

export const ACCEPTED_EVIDENCE_EXTENSIONS: readonly string[] = Object.keys(TYPES);

/** The base name only, without control characters or path separators, at most 200 characters. */
export function safeFileName(name: string): string {
  const base = basename(name.replace(/\\/g, '/'))
    .replace(/[\p{Cc}/\\]/gu, '')
    .trim();
  return base.slice(-200);
}

/** Checks size and type; returns the media type and the file name to keep. Throws EvidenceRejectedError. */
export function checkEvidenceFile(fileName: string, bytes: Buffer): { mediaType: string; fileName: string } {
  const name = safeFileName(fileName);
  if (bytes.length > MAX_EVIDENCE_BYTES) {
    throw new EvidenceRejectedError(`Evidence file ${name} is ${bytes.length} bytes; the limit is ${MAX_EVIDENCE_BYTES} bytes (25 MiB).`);
  }
  if (bytes.length === 0) throw new EvidenceRejectedError(`Evidence file ${name} is empty.`);
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const type = TYPES[extension];
  if (!type) {
    throw new EvidenceRejectedError(`Evidence file ${name || '(no name)'} has a type the store does not accept; use one of: ${ACCEPTED_EVIDENCE_EXTENSIONS.join(', ')}.`);
  }
  if (!type.sniff(bytes)) throw new EvidenceRejectedError(`Evidence file ${name} does not contain what its .${extension} extension says.`);
  return { mediaType: type.mediaType, fileName: name };
}
