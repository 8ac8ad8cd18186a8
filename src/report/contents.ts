/**
 * The report's contents: its parts, the checklist sections and their items, with the anchors the HTML gives
 * them. One list feeds the table of contents on the page and the PDF's bookmarks (pdf-outline.ts), so the
 * two never disagree.
 */
import { HARDENING_TITLE, SECTION_LABEL, VERDICT_LABEL } from './format.js';
import type { ReportModel } from './model.js';

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '');
export const sectionAnchor = (s: { id: string }): string => `sec-${slug(s.id)}`;
export const itemAnchor = (id: string): string => `item-${slug(id)}`;

export interface ContentsEntry {
  /** The element id the entry points to (`#anchor`). */
  readonly anchor: string;
  /** The part's number as its heading shows it ("1.", "3.2"), or null (items). */
  readonly number: string | null;
  /** The title as the table of contents shows it. */
  readonly title: string;
  /** Status or verdict shown after the title in bookmarks ("Not met"); the page shows it as a badge. */
  readonly status: string | null;
  readonly children: readonly ContentsEntry[];
}

const part = (anchor: PartAnchor, number: string, title: string, children: readonly ContentsEntry[] = []): ContentsEntry => ({
  anchor,
  number,
  title,
  status: null,
  children,
});

/** The report's top-level parts, by anchor. */
export type PartAnchor = 'glance' | 'resources' | 'details' | 'hardening' | 'self-assessment' | 'changes' | 'provenance';

/** A part's heading as the page shows it ("6. How this report was produced"): its number follows from the parts present. */
export function partHeading(m: ReportModel, anchor: PartAnchor): string {
  const entry = reportContents(m).find((e) => e.anchor === anchor);
  if (!entry) throw new Error(`The report has no part "${anchor}".`);
  return `${entry.number ?? ''} ${entry.title}`.trim();
}

export function reportContents(m: ReportModel): ContentsEntry[] {
  const sections = m.sections.map(
    (s, i): ContentsEntry => ({
      anchor: sectionAnchor(s),
      number: `3.${i + 1}`,
      title: s.area,
      status: SECTION_LABEL[s.status],
      children: s.items.map((item) => ({
        anchor: itemAnchor(item.itemId),
        number: null,
        title: `${item.itemId} ${item.title}`,
        status: VERDICT_LABEL[item.verdict],
        children: [],
      })),
    }),
  );
  return [
    part('glance', '1.', 'At a glance'),
    part('resources', '2.', 'Attached resources and costs'),
    part('details', '3.', 'Detail sections', sections),
    part('hardening', '4.', HARDENING_TITLE),
    part('self-assessment', '5.', 'Completed self-assessment'),
    ...(m.changes ? [part('changes', '6.', 'Changes since the previous assessment')] : []),
    part('provenance', m.changes ? '7.' : '6.', 'How this report was produced'),
  ];
}
