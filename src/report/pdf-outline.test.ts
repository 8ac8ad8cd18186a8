/**
 * The bookmarks writer on hand-built PDFs laid out as Skia writes them (classic cross-reference table,
 * /Dests in the catalog). poppler (when installed, as in CI) reads the result back as a viewer would;
 * the structural checks below hold without it. Chromium's own PDFs are covered by browser.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { hasPoppler, outlineXml } from '../../test/helpers/poppler.js';
import type { ContentsEntry } from './contents.js';
import { addPdfOutline, dictionaryAt, pdfTextString } from './pdf-outline.js';

if (!hasPoppler) console.warn('SKIPPED reading bookmarks back with poppler: poppler-utils not found (apt-get install poppler-utils).');

const dir = mkdtempSync(join(tmpdir(), 'ftr-outline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A PDF of `pages` empty pages with a named destination on each page for every name in `dests`. */
function skiaLikePdf(pages: number, dests: readonly string[], options: { inlineDests?: boolean; catalogExtra?: string; trailerExtra?: string } = {}): Buffer {
  const objects: string[] = [];
  // 1 info, 2 pages, 3..(3+pages-1) page objects, then dests, then catalog.
  objects[1] = '<</Producer (Skia/PDF test)>>';
  const pageNums = Array.from({ length: pages }, (_, i) => 3 + i);
  objects[2] = `<</Type /Pages\n/Count ${pages}\n/Kids [${pageNums.map((n) => `${n} 0 R`).join(' ')}]>>`;
  for (const n of pageNums) objects[n] = '<</Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 595 842]>>';
  const destDict = `<<${dests.map((d, i) => `/${d} [${pageNums[i % pages]} 0 R /XYZ 6 800 0]`).join('\n')}>>`;
  let next = 3 + pages;
  let destsRef: string;
  if (!options.inlineDests) {
    objects[next] = destDict;
    destsRef = `/Dests ${next} 0 R`;
    next++;
  } else destsRef = `/Dests ${destDict}`;
  const catalog = next++;
  objects[catalog] = `<</Type /Catalog\n/Pages 2 0 R\n${destsRef}${options.catalogExtra ?? ''}\n/ViewerPreferences <</Type /ViewerPreferences\n/DisplayDocTitle true>>>>`;
  let text = '%PDF-1.4\n%\xd3\xeb\xe9\xe1\n';
  const offsets: number[] = [];
  for (let n = 1; n < next; n++) {
    offsets[n] = Buffer.byteLength(text, 'latin1');
    text += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(text, 'latin1');
  text += `xref\n0 ${next}\n0000000000 65535 f \n`;
  for (let n = 1; n < next; n++) text += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<</Size ${next}\n/Root ${catalog} 0 R\n/Info 1 0 R${options.trailerExtra ?? ''}>>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(text, 'latin1');
}

const entry = (anchor: string, title: string, children: ContentsEntry[] = [], status: string | null = null): ContentsEntry => ({
  anchor,
  number: null,
  title,
  status,
  children,
});

function outlineByPoppler(pdf: Buffer): string {
  const file = join(dir, `o-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  expect(info).toMatch(/Pages:/);
  return outlineXml(file);
}

/** Every object the update lists in its cross-reference section starts at the offset listed. */
function expectUpdateConsistent(original: Buffer, updated: Buffer): void {
  const text = updated.toString('latin1');
  const start = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  expect(start).toBeGreaterThan(original.length);
  expect(updated.subarray(0, original.length).equals(original)).toBe(true);
  const section = text.slice(start, text.indexOf('trailer', start));
  const lines = section.split('\n').slice(1).filter(Boolean);
  let num = 0;
  for (const line of lines) {
    const sub = /^(\d+) (\d+)$/.exec(line);
    if (sub) {
      num = Number(sub[1]);
      continue;
    }
    expect(line).toMatch(/^\d{10} \d{5} n $/);
    const offset = Number(line.slice(0, 10));
    expect(text.startsWith(`${num} 0 obj`, offset)).toBe(true);
    num++;
  }
  const oldStart = Number(/startxref\s+(\d+)/.exec(original.toString('latin1'))?.[1]);
  expect(text.slice(start)).toContain(`/Prev ${oldStart}`);
}

/** expectUpdateConsistent as a predicate, plus a positive /Count on the outline root. */
function updateConsistent(original: Buffer, updated: Buffer): boolean {
  try {
    expectUpdateConsistent(original, updated);
  } catch {
    return false;
  }
  const root = /\/Type \/Outlines\n\/First \d+ 0 R\n\/Last \d+ 0 R\n\/Count (\d+)/.exec(updated.toString('latin1'));
  return Number(root?.[1]) > 0;
}

describe('addPdfOutline', () => {
  const contents = [
    entry('glance', '1. At a glance'),
    entry('details', '3. Detail sections', [entry('sec-iam', '3.1 Identity', [entry('item-iam-001', 'IAM-001 MFA — Not met')], 'Not met'), entry('sec-net', '3.2 Network')]),
    entry('provenance', '6. How this report was produced'),
  ];

  it('adds the contents as bookmarks that open the destination pages, as an incremental update', () => {
    const pdf = skiaLikePdf(3, ['glance', 'details', 'sec-iam', 'item-iam-001', 'sec-net', 'provenance']);
    const result = addPdfOutline(pdf, contents);
    expect(result.added).toBe(6);
    expectUpdateConsistent(pdf, result.pdf);
    expect(result.pdf.toString('latin1')).toContain('/PageMode /UseOutlines');
  });

  it.skipIf(!hasPoppler)('bookmarks a viewer reads: titles, pages and nesting (poppler)', () => {
    const pdf = skiaLikePdf(3, ['glance', 'details', 'sec-iam', 'item-iam-001', 'sec-net', 'provenance']);
    const outline = outlineByPoppler(addPdfOutline(pdf, contents).pdf);
    expect(outline).toContain('<item page="1">1. At a glance</item>');
    expect(outline).toContain('<item page="2">3. Detail sections</item>');
    expect(outline).toContain('<item page="3">3.1 Identity — Not met</item>');
    expect(outline).toContain('<item page="1">IAM-001 MFA — Not met</item>');
    expect(outline).toContain('<item page="3">6. How this report was produced</item>');
    // Nesting: items under their section, sections under "Detail sections".
    expect(outline.indexOf('3.1 Identity')).toBeLessThan(outline.indexOf('IAM-001'));
    expect(outline.match(/<outline>/g)?.length).toBe(3);
  });

  it('reads destinations written inline in the catalog, and keeps the catalog\'s other entries', () => {
    const pdf = skiaLikePdf(2, ['glance', 'details'], { inlineDests: true });
    const result = addPdfOutline(pdf, contents);
    expect(result.added).toBe(2);
    expectUpdateConsistent(pdf, result.pdf);
    expect(result.pdf.toString('latin1')).toMatch(/\/ViewerPreferences <<\/Type \/ViewerPreferences\n\/DisplayDocTitle true>>\n\/Outlines \d+ 0 R/);
  });

  it('leaves out entries nothing links to, keeping a parent without a destination for its children', () => {
    const pdf = skiaLikePdf(2, ['item-iam-001', 'provenance']);
    const result = addPdfOutline(pdf, contents);
    // "3. Detail sections" and "3.1 Identity" stay as containers of IAM-001; glance and sec-net go.
    expect(result.added).toBe(4);
    const text = result.pdf.toString('latin1');
    expect(text).not.toContain(pdfTextString('1. At a glance'));
    expect(text).not.toContain(pdfTextString('3.2 Network'));
  });

  it.skipIf(!hasPoppler)('a viewer reads bookmarks without a destination and the ones after them (poppler)', () => {
    const outline = outlineByPoppler(addPdfOutline(skiaLikePdf(2, ['item-iam-001', 'provenance']), contents).pdf);
    expect(outline).toContain('IAM-001 MFA');
    expect(outline).toContain('<item page="2">6. How this report was produced</item>');
    expect(outlineByPoppler(addPdfOutline(skiaLikePdf(2, ['glance', 'details'], { inlineDests: true }), contents).pdf)).toContain(
      '<item page="2">3. Detail sections</item>',
    );
  });

  it('writes any title as UTF-16 (accents, dashes, CJK, and PDF delimiters)', () => {
    const title = 'Sécurité — 安全 (a) <b> \\ /x';
    const pdf = skiaLikePdf(1, ['a']);
    const result = addPdfOutline(pdf, [entry('a', title)]);
    expect(result.pdf.toString('latin1')).toContain(pdfTextString(title));
  });

  it.skipIf(!hasPoppler)('a viewer reads such a title back (poppler)', () => {
    const outline = outlineByPoppler(addPdfOutline(skiaLikePdf(1, ['a']), [entry('a', 'Sécurité — 安全 (a) <b> \\ /x')]).pdf);
    expect(outline).toContain('Sécurité — 安全 (a) &lt;b&gt; \\ /x');
  });

  it.each([
    ['no startxref at the end of the file', (): Buffer => Buffer.from('%PDF-1.4\nnothing here\n')],
    ['the file is encrypted', (): Buffer => skiaLikePdf(1, ['glance'], { trailerExtra: '\n/Encrypt 1 0 R' })],
    ['the file has bookmarks already', (): Buffer => skiaLikePdf(1, ['glance'], { catalogExtra: '\n/Outlines 1 0 R' })],
    ['the file has no named destinations', (): Buffer => skiaLikePdf(1, [])],
    ['no contents entry has a destination', (): Buffer => skiaLikePdf(1, ['other'])],
    [
      'no classic cross-reference table',
      (): Buffer => {
        const pdf = skiaLikePdf(1, ['glance']).toString('latin1');
        return Buffer.from(pdf.replace(/startxref\n\d+/, 'startxref\n9'), 'latin1');
      },
    ],
  ])('returns the PDF unchanged when %s', (reason, make) => {
    const pdf = make();
    const result = addPdfOutline(pdf, contents);
    expect(result).toEqual({ pdf, added: 0, skipped: reason });
  });

  it('keeps every offset and count right for any contents tree and any set of destinations', () => {
    const tree: fc.Arbitrary<ContentsEntry[]> = fc.letrec<{ list: ContentsEntry[] }>((tie) => ({
      list: fc.array(
        fc.record({
          anchor: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
          number: fc.constant(null),
          title: fc.string({ maxLength: 12 }),
          status: fc.constant(null),
          children: fc.oneof({ depthSize: 'small' }, fc.constant([]), tie('list')),
        }),
        { maxLength: 4 },
      ),
    })).list;
    fc.assert(
      fc.property(tree, fc.subarray(['a', 'b', 'c', 'd', 'e', 'f']), (entries, dests) => {
        const pdf = skiaLikePdf(2, dests);
        const result = addPdfOutline(pdf, entries);
        // Either unchanged, or an update whose every offset is right and whose root counts its bookmarks.
        const consistent = result.added === 0 ? result.pdf === pdf : updateConsistent(pdf, result.pdf);
        expect(consistent).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('dictionaryAt', () => {
  it('finds the end of a dictionary past nested dictionaries, strings with brackets and hex strings', () => {
    const text = 'x <</A <</B 1>> /S (a >> b \\) c) /H <3E3E> /C [1 2]>> tail';
    expect(dictionaryAt(text, 2)).toBe('<</A <</B 1>> /S (a >> b \\) c) /H <3E3E> /C [1 2]>>');
    expect(dictionaryAt(text, 0)).toBeNull();
    expect(dictionaryAt('<</A (unterminated', 0)).toBeNull();
  });
});
