/** Part 6, changes since the previous assessment. */
import type { FC } from 'hono/jsx';
import { dateTime, day } from '../../format.js';
import type { ChangeLine, ReportModel } from '../../model.js';
import { Verdict } from './primitives.js';
import { partHeading } from '../../contents.js';

/**
 * Items whose verdict changed: before and now. `itemHref` links each item (the dashboard's item pages);
 * a line with `evidenceExpired` gets a badge (the dashboard also lists items whose evidence just expired).
 */
export const VerdictChangesTable: FC<{ lines: readonly (ChangeLine & { readonly evidenceExpired?: boolean })[]; itemHref?: (itemId: string) => string }> = ({
  lines,
  itemHref,
}) =>
  lines.length === 0 ? (
    <p class="muted small">None.</p>
  ) : (
    <table>
      <thead>
        <tr>
          <th>Item</th>
          <th>Before</th>
          <th>Now</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr>
            <td>
              {itemHref ? (
                <a class="mono" href={itemHref(l.itemId)}>
                  {l.itemId}
                </a>
              ) : (
                <span class="mono">{l.itemId}</span>
              )}{' '}
              {l.title}
              {l.evidenceExpired ? <span class="badge v-NOT_MET">evidence expired</span> : null}
            </td>
            <td>{l.before ? <Verdict v={l.before} /> : 'new item'}</td>
            <td>
              <Verdict v={l.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );

export const Changes: FC<{ m: ReportModel }> = ({ m }) => {
  const c = m.changes;
  if (!c) return null;
  const list = (title: string, lines: typeof c.newlyMet) => (
    <>
      <h3>
        {title} ({lines.length})
      </h3>
      <VerdictChangesTable lines={lines} />
    </>
  );
  return (
    <section class="block part-start" id="changes">
      <h2 class="part">{partHeading(m, 'changes')}</h2>
      <p>
        Compared with the assessment of {dateTime(c.previousGeneratedAt)}: readiness {c.readinessBefore.met}/{c.readinessBefore.applicable} →{' '}
        {m.glance.readiness.met}/{m.glance.readiness.applicable}. {c.newFailures} new failing result(s), {c.fixedFailures} fixed.
      </p>
      {list('Newly met', c.newlyMet)}
      {list('Newly failing', c.newlyFailing)}
      {list('Other verdict changes', c.otherChanges)}
      <h3>Evidence expiring within 90 days ({c.evidenceExpiring.length})</h3>
      {c.evidenceExpiring.length === 0 ? (
        <p class="muted small">None.</p>
      ) : (
        <ul>
          {c.evidenceExpiring.map((e) => (
            <li>
              <span class="mono">{e.itemId}</span> {e.title}: {e.expired ? 'expired' : 'expires'} {day(e.expires)} ({e.owner})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
