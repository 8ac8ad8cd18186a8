/** Part 3, one detail section of the checklist with its items. */
import type { FC } from 'hono/jsx';
import { itemAnchor, sectionAnchor } from '../../contents.js';
import { SECTION_LABEL } from '../../format.js';
import { accountLabel, type ReportModel, type ReportSection } from '../../model.js';
import type { HtmlOptions } from '../options.js';
import { FindingsTable } from './findings-table.js';
import { Item } from './item.js';

export const Section: FC<{ s: ReportSection; n: number; opts: HtmlOptions; m: ReportModel }> = ({ s, n, opts, m }) => (
  <section class={n === 1 ? 'block part-start' : 'block'} id={sectionAnchor(s)} data-section-block={s.id}>
    <h2 class="part">
      3.{n} {s.area} <span class={`badge v-${s.status}`}>{SECTION_LABEL[s.status]}</span>
    </h2>
    {s.kind === 'checklist' && s.checklistTitle !== s.area ? (
      <p class="muted small">Checklist section: {s.checklistTitle}</p>
    ) : null}
    {s.note ? <p class="note">{s.note}</p> : null}
    {s.kind === 'info' && s.id === 'info-accounts' ? (
      <table>
        <thead>
          <tr>
            <th>Account</th>
            <th class="num">Resources</th>
            <th class="num">Failing results</th>
          </tr>
        </thead>
        <tbody>
          {m.accounts.map((a) => (
            <tr data-filter="" data-account={a}>
              <td>{accountLabel(m, a)}</td>
              <td class="num">{m.resources.rows.filter((r) => r.accountId === a).length}</td>
              <td class="num">{m.findings.filter((f) => f.accountId === a && f.status === 'FAIL').length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    ) : null}
    {s.relatedItems.length > 0 ? (
      <p class="small">
        See{' '}
        {s.relatedItems.map((id, i) => (
          <>
            {i > 0 ? ', ' : ''}
            <a href={`#${itemAnchor(id)}`}>{id}</a>
          </>
        ))}
        .
      </p>
    ) : null}
    {s.relatedFindings.length > 0 ? (
      <FindingsTable rows={s.relatedFindings} opts={opts.mode === 'print' ? { ...opts, printRowLimit: opts.printItemRowLimit ?? 40 } : opts} showCheck />
    ) : null}
    {s.items.map((item) => (
      <Item item={item} opts={opts} />
    ))}
  </section>
);
