/** The paged data table every long list uses (resources, findings, collection errors). */
import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import type { HtmlOptions } from '../options.js';
import type { EvidenceEntry } from '../../evidence.js';
import { EvidenceList } from './evidence.js';

/** One cell of a data table: plain text plus an optional class, badge, tags or bold prefix. */
export interface DCell {
  readonly t: string;
  /** td class */
  readonly c?: string;
  /** render the text as a badge with this class */
  readonly b?: string;
  /** tag chips */
  readonly g?: readonly string[];
  /** title (hover) */
  readonly h?: string;
  /** bold line above the text */
  readonly s?: string;
  /** evidence entries (key/value lines and small tables) instead of the text */
  readonly e?: readonly EvidenceEntry[];
}

export interface DRow {
  /** account id, for the account filter */
  readonly a: string;
  readonly c: readonly DCell[];
}

let tableSeq = 0;

/** Restarts table ids so a render is deterministic. */
export function resetTableIds(): void {
  tableSeq = 0;
}

export const CellView: FC<{ cell: DCell }> = ({ cell }) => (
  <td class={cell.c ?? ''} {...(cell.h ? { title: cell.h } : {})}>
    {cell.s ? (
      <>
        <strong>{cell.s}</strong>
        <br />
      </>
    ) : null}
    {cell.e ? <EvidenceList entries={cell.e} /> : cell.b ? <span class={`badge ${cell.b}`}>{cell.t}</span> : cell.g ? cell.g.map((tag) => <span>{tag}</span>) : cell.t}
  </td>
);

/** Rows a table prints in the print variant: at most printRowLimit (default 200). */
export function printLimit(opts: HtmlOptions): number {
  return opts.printRowLimit ?? 200;
}

/**
 * The source rows worth turning into table rows: in print only the ones printed (building 100,000 rows with
 * their evidence to print 40 cost a second per PDF), on screen all of them (the script pages through them).
 * Pass the source's length to DataTable as `total`.
 */
export function rowsToRender<T>(rows: readonly T[], opts: HtmlOptions): readonly T[] {
  return opts.mode === 'print' ? rows.slice(0, printLimit(opts)) : rows;
}

/**
 * A table that stays fast at 100,000 rows: the first page is HTML (what a reader without script and the
 * print variant see); on screen the full row set is embedded as JSON and paged/filtered by the script.
 */
export const DataTable: FC<{
  head: readonly { readonly label: string; readonly cls?: string }[];
  rows: readonly DRow[];
  opts: HtmlOptions;
  pageSize?: number;
  id?: string;
  /** How many rows the list has when `rows` holds only the printed ones (rowsToRender). */
  total?: number;
}> = ({ head, rows, opts, pageSize = 25, id, total = rows.length }) => {
  const limit = opts.mode === 'print' ? printLimit(opts) : pageSize;
  const shown = rows.slice(0, limit);
  const json = opts.mode === 'screen' && rows.length > pageSize;
  const dataId = `dt-${++tableSeq}`;
  return (
    <>
      <table
        {...(id ? { id } : {})}
        {...(json ? { class: 'paged', 'data-json': dataId, 'data-page-size': String(pageSize), 'data-total': String(rows.length) } : {})}
      >
        <thead>
          <tr>
            {head.map((h) => (
              <th class={h.cls ?? ''}>{h.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr {...(json ? {} : { 'data-filter': '', 'data-account': r.a })}>
              {r.c.map((cell) => (
                <CellView cell={cell} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {json ? <script type="application/json" id={dataId}>{raw(JSON.stringify(rows).replace(/</g, '\\u003c'))}</script> : null}
      {opts.mode === 'print' && shown.length < total ? (
        <p class="note">
          {shown.length} of {total} rows printed; the complete list is in the XLSX and CSV reports.
        </p>
      ) : null}
    </>
  );
};
