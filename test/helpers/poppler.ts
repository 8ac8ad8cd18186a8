/**
 * Reading PDFs back as a viewer does, with poppler-utils (Debian's package; CI installs it): whether it is
 * there, and a PDF's bookmarks as `pdftohtml -xml` lists them. Tests that need it skip, saying why, without it.
 */
import { execFileSync } from 'node:child_process';

/** Whether poppler-utils is installed (pdfinfo, pdftotext, pdftohtml and pdftoppm come together). */
export const hasPoppler = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The `<outline>` part of `pdftohtml -xml`: every bookmark as `<item page="N">title</item>`, nested lists as `<outline>`. */
export function outlineXml(file: string): string {
  const xml = execFileSync('pdftohtml', ['-xml', '-i', '-q', '-stdout', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return xml.slice(xml.indexOf('<outline>'));
}

/** The bookmarks, flattened in document order, with the page each opens. */
export function outlineItems(file: string): { title: string; page: number }[] {
  const decode = (s: string): string => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
  return [...outlineXml(file).matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((m) => ({ title: decode(m[2] ?? ''), page: Number(m[1]) }));
}
