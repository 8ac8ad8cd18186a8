/**
 * Bookmarks (the PDF "outline") for the PDF Chromium prints untagged. Chromium builds an outline only from a
 * tagged PDF's structure, and tagging costs about as much as the rest of the print (docs/decisions/0014), so
 * the untagged PDF gets its bookmarks here: the report's contents (contents.ts), each pointing at the named
 * destination Chromium already wrote for the anchor (it writes one for every `#anchor` a link on the page
 * targets: the table of contents links every part and section, the self-assessment every item).
 *
 * The outline is added as an incremental update (ISO 32000-1, 7.5.6): the original bytes stay as they are,
 * and appended to them are the outline objects, a new version of the catalog that points to them, a
 * cross-reference section for those objects and a trailer whose /Prev points to the original one. Only the
 * plain layout Skia writes (a classic cross-reference table, unencrypted, /Dests in the catalog) is
 * handled; anything else is returned unchanged, with the reason.
 */
import type { ContentsEntry } from './contents.js';

export type OutlineResult =
  | { readonly pdf: Buffer; readonly added: number }
  | { readonly pdf: Buffer; readonly added: 0; readonly skipped: string };

interface ObjectRef {
  readonly num: number;
  readonly gen: number;
}

const EXCERPT_BYTES = 4096;

/** The text of a dictionary starting at `start` (`<<`), up to its matching `>>`, strings and nesting respected. */
export function dictionaryAt(text: string, start: number): string | null {
  if (!text.startsWith('<<', start)) return null;
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === '(') {
      // A literal string: balanced parentheses, backslash escapes.
      let parens = 1;
      i++;
      while (i < text.length && parens > 0) {
        if (text[i] === '\\') i++;
        else if (text[i] === '(') parens++;
        else if (text[i] === ')') parens--;
        i++;
      }
      continue;
    }
    if (text.startsWith('<<', i)) {
      depth++;
      i += 2;
      continue;
    }
    if (text.startsWith('>>', i)) {
      depth--;
      i += 2;
      if (depth === 0) return text.slice(start, i);
      continue;
    }
    if (c === '<') {
      // A hex string.
      const end = text.indexOf('>', i);
      if (end < 0) return null;
      i = end + 1;
      continue;
    }
    i++;
  }
  return null;
}

const refIn = (dict: string, key: string): ObjectRef | null => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+(\\d+)\\s+R`).exec(dict);
  return m ? { num: Number(m[1]), gen: Number(m[2]) } : null;
};

/** Decodes a PDF name's `#xx` escapes. */
const decodeName = (raw: string): string => raw.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** A text string any viewer reads: UTF-16BE with its byte order mark, as hex. */
export function pdfTextString(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

interface Xref {
  /** Byte offset of each object (generation 0 or the one listed). */
  readonly offsets: Map<number, { offset: number; gen: number }>;
  readonly trailer: string;
}

/** Reads the cross-reference table at `offset` and the trailer after it; null if it is not a classic table. */
function readXref(text: string, offset: number): Xref | null {
  if (!text.startsWith('xref', offset)) return null;
  const offsets = new Map<number, { offset: number; gen: number }>();
  const subsection = /(\d+)\s+(\d+)\s*\r?\n/y;
  const entry = /(\d{10}) (\d{5}) ([nf])[ \r\n]{2}/y;
  let i = offset + 4;
  while (/\s/.test(text[i] ?? '')) i++;
  for (;;) {
    subsection.lastIndex = i;
    const head = subsection.exec(text);
    if (!head) break;
    const first = Number(head[1]);
    const count = Number(head[2]);
    i = subsection.lastIndex;
    for (let k = 0; k < count; k++) {
      entry.lastIndex = i;
      const e = entry.exec(text);
      if (!e) return null;
      if (e[3] === 'n') offsets.set(first + k, { offset: Number(e[1]), gen: Number(e[2]) });
      i = entry.lastIndex;
    }
  }
  const trailerAt = text.indexOf('trailer', i);
  if (trailerAt < 0 || trailerAt - i > 16) return null;
  const dictStart = text.indexOf('<<', trailerAt);
  const trailer = dictStart < 0 ? null : dictionaryAt(text, dictStart);
  return trailer ? { offsets, trailer } : null;
}

/** The dictionary of object `ref`, read at its offset. */
function objectDictionary(text: string, xref: Xref, ref: ObjectRef): string | null {
  const at = xref.offsets.get(ref.num);
  if (!at || at.gen !== ref.gen) return null;
  const header = new RegExp(`${ref.num}\\s+${ref.gen}\\s+obj\\s*`, 'y');
  header.lastIndex = at.offset;
  if (!header.exec(text)) return null;
  return dictionaryAt(text, header.lastIndex);
}

/** The names of the document's destinations (`/Dests` of the catalog, inline or referenced), raw as written. */
function destinationNames(text: string, xref: Xref, catalog: string): Map<string, string> | null {
  let dests: string | null = null;
  const ref = refIn(catalog, 'Dests');
  if (ref) dests = objectDictionary(text, xref, ref);
  else {
    const inline = /\/Dests\s*<</.exec(catalog);
    if (inline) dests = dictionaryAt(catalog, inline.index + inline[0].length - 2);
  }
  if (dests === null) return null;
  const names = new Map<string, string>();
  // Keys are names followed by an explicit destination array; names inside the arrays (/XYZ, /Fit) are not.
  for (const m of dests.matchAll(/\/((?:[^\s/[\]<>(){}%#]|#[0-9A-Fa-f]{2})+)\s*\[/g)) names.set(decodeName(m[1] ?? ''), m[1] ?? '');
  return names;
}

interface OutlineNode {
  readonly title: string;
  readonly dest: string | null;
  readonly open: boolean;
  readonly children: OutlineNode[];
}

/** Bookmark title of an entry: "3.2 Support level — Not met". */
const entryTitle = (e: ContentsEntry): string => `${e.number ? `${e.number} ` : ''}${e.title}${e.status ? ` — ${e.status}` : ''}`;

/**
 * Entries whose anchor has a destination become bookmarks; one without (nothing links to it) keeps its
 * place only if it has children, as a bookmark that opens no page. Parts are closed but "Detail sections"
 * (the one part with children) is open, so the checklist sections show at once.
 */
function outlineNodes(entries: readonly ContentsEntry[], dests: Map<string, string>, depth: number): OutlineNode[] {
  const nodes: OutlineNode[] = [];
  for (const e of entries) {
    const children = outlineNodes(e.children, dests, depth + 1);
    const dest = dests.get(e.anchor) ?? null;
    if (dest === null && children.length === 0) continue;
    nodes.push({ title: entryTitle(e), dest, open: depth === 0 && children.length > 0, children });
  }
  return nodes;
}

/** Bookmarks visible in a list of siblings: each, plus what shows under the open ones (PDF /Count). */
const visibleIn = (nodes: readonly OutlineNode[]): number => nodes.reduce((sum, n) => sum + 1 + (n.open ? visibleIn(n.children) : 0), 0);

/** Adds `entries` as the document's bookmarks; the PDF comes back unchanged (with the reason) if it cannot. */
export function addPdfOutline(pdf: Buffer, entries: readonly ContentsEntry[]): OutlineResult {
  const unchanged = (skipped: string): OutlineResult => ({ pdf, added: 0, skipped });
  // latin1 maps every byte to one character, so string offsets are byte offsets.
  const tail = pdf.subarray(Math.max(0, pdf.length - EXCERPT_BYTES)).toString('latin1');
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!start) return unchanged('no startxref at the end of the file');
  const xrefOffset = Number(start[1]);
  const text = pdf.toString('latin1');
  const xref = readXref(text, xrefOffset);
  if (!xref) return unchanged('no classic cross-reference table');
  if (/\/Encrypt\b/.test(xref.trailer)) return unchanged('the file is encrypted');
  const rootRef = refIn(xref.trailer, 'Root');
  const size = /\/Size\s+(\d+)/.exec(xref.trailer);
  if (!rootRef || !size) return unchanged('the trailer has no /Root or /Size');
  const catalog = objectDictionary(text, xref, rootRef);
  if (!catalog) return unchanged('the catalog could not be read');
  if (/\/Outlines\b/.test(catalog)) return unchanged('the file has bookmarks already');
  const dests = destinationNames(text, xref, catalog);
  if (!dests || dests.size === 0) return unchanged('the file has no named destinations');
  const top = outlineNodes(entries, dests, 0);
  if (top.length === 0) return unchanged('no contents entry has a destination');

  // Number the new objects: the outline root first, then every bookmark depth-first.
  let next = Number(size[1]);
  const rootNum = next++;
  const numbers = new Map<OutlineNode, number>();
  const assign = (nodes: readonly OutlineNode[]): void => {
    for (const n of nodes) {
      numbers.set(n, next++);
      assign(n.children);
    }
  };
  assign(top);
  const num = (n: OutlineNode): number => numbers.get(n) as number;

  // The new objects' bodies, by number from rootNum.
  const bodies: string[] = [`<</Type /Outlines\n/First ${num(top[0] as OutlineNode)} 0 R\n/Last ${num(top[top.length - 1] as OutlineNode)} 0 R\n/Count ${visibleIn(top)}>>`];
  const write = (nodes: readonly OutlineNode[], parent: number): void => {
    nodes.forEach((n, i) => {
      const fields = [`/Title ${pdfTextString(n.title)}`, `/Parent ${parent} 0 R`];
      if (i > 0) fields.push(`/Prev ${num(nodes[i - 1] as OutlineNode)} 0 R`);
      if (i < nodes.length - 1) fields.push(`/Next ${num(nodes[i + 1] as OutlineNode)} 0 R`);
      if (n.children.length > 0) {
        fields.push(`/First ${num(n.children[0] as OutlineNode)} 0 R`, `/Last ${num(n.children[n.children.length - 1] as OutlineNode)} 0 R`);
        fields.push(`/Count ${n.open ? visibleIn(n.children) : -n.children.length}`);
      }
      if (n.dest !== null) fields.push(`/Dest /${n.dest}`);
      bodies[num(n) - rootNum] = `<<${fields.join('\n')}>>`;
      write(n.children, num(n));
    });
  };
  write(top, rootNum);
  // The catalog's new version: the same dictionary with the outline, opened with the bookmarks panel.
  const catalogBody = `${catalog.slice(0, -2).replace(/\/PageMode\s*\/\w+/, '')}\n/Outlines ${rootNum} 0 R\n/PageMode /UseOutlines>>`;

  // Appended: the catalog, then the new objects; each one's offset goes into the cross-reference section.
  const separator = pdf[pdf.length - 1] === 0x0a ? '' : '\n';
  let offset = pdf.length + separator.length;
  const parts: string[] = [separator];
  const append = (objectNum: number, gen: number, body: string): string => {
    const chunk = `${objectNum} ${gen} obj\n${body}\nendobj\n`;
    const entry = `${String(offset).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`;
    parts.push(chunk);
    offset += Buffer.byteLength(chunk, 'latin1');
    return entry;
  };
  const catalogEntry = append(rootRef.num, rootRef.gen, catalogBody);
  const newEntries = bodies.map((body, i) => append(rootNum + i, 0, body));
  const newXrefOffset = offset;
  // Two subsections: the catalog's number (below the old /Size), and the new objects' contiguous range.
  const xrefText = `xref\n${rootRef.num} 1\n${catalogEntry}${rootNum} ${newEntries.length}\n${newEntries.join('')}`;
  const info = refIn(xref.trailer, 'Info');
  const id = /\/ID\s*(\[[^\]]*\])/.exec(xref.trailer);
  const trailer =
    `<</Size ${next}\n/Root ${rootRef.num} ${rootRef.gen} R` +
    (info ? `\n/Info ${info.num} ${info.gen} R` : '') +
    (id ? `\n/ID ${id[1]}` : '') +
    `\n/Prev ${xrefOffset}>>`;
  parts.push(`${xrefText}trailer\n${trailer}\nstartxref\n${newXrefOffset}\n%%EOF\n`);
  return { pdf: Buffer.concat([pdf, Buffer.from(parts.join(''), 'latin1')]), added: numbers.size };
}
