/** The audit log, newest first, one page at a time (admin only). Every value is rendered as text. */
import type { FC } from 'hono/jsx';
import type { AuditLogEntry } from '../../../store/repositories/audit.js';

export interface AuditLogProps {
  readonly entries: readonly AuditLogEntry[];
  /** Link to the next (older) page, or null on the last page. */
  readonly olderHref: string | null;
  /** Link back to the newest entries when not on the first page. */
  readonly newestHref: string | null;
  readonly total: number;
}

/** `key: value` pairs, nulls left out, long values cut: a line to read, not a JSON dump. */
const detailText = (detail: Readonly<Record<string, unknown>>): string => {
  const text = Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ');
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
};

/** 2026-11-02T09:00:00.000Z -> 2026-11-02 09:00:00 (the column says UTC). */
const when = (iso: string): string => iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '');

export const AuditLogPage: FC<AuditLogProps> = ({ entries, olderHref, newestHref, total }) => (
  <section class="audit-log">
    <h1>Audit log</h1>
    <p>{`${total} entries in all. Every change to the workspace and every sign-in is recorded here.`}</p>
    {entries.length === 0 ? (
      <p>No entries.</p>
    ) : (
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr>
              <td>{String(e.id)}</td>
              <td>
                <time datetime={e.at}>{when(e.at)}</time>
              </td>
              <td>{e.actor}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>{e.targetId === null ? e.targetType : `${e.targetType} ${e.targetId}`}</td>
              <td>{detailText(e.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    <nav class="pager">
      {newestHref !== null ? <a href={newestHref}>Newest</a> : null} {olderHref !== null ? <a href={olderHref}>Older entries</a> : null}
    </nav>
  </section>
);
