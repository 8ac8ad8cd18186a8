/** Table of contents and the screen-only filter bar. */
import type { FC } from 'hono/jsx';
import { ITEM_VERDICTS } from '../../../core/assessment.js';
import { reportContents } from '../../contents.js';
import { VERDICT_LABEL } from '../../format.js';
import { accountLabel, type ReportModel } from '../../model.js';

/** Parts and checklist sections (not items: the bookmarks of the PDF list those too). */
export const Toc: FC<{ m: ReportModel }> = ({ m }) => (
  <nav class="toc" aria-label="Contents">
    <h2>Contents</h2>
    <ol>
      {reportContents(m).map((entry) => (
        <li>
          <a href={`#${entry.anchor}`}>{entry.title}</a>
          {entry.anchor === 'details' ? (
            <ol>
              {entry.children.map((s) => (
                <li>
                  <a href={`#${s.anchor}`}>{s.title}</a>
                </li>
              ))}
            </ol>
          ) : null}
        </li>
      ))}
    </ol>
  </nav>
);

export const Filters: FC<{ m: ReportModel }> = ({ m }) => (
  <div class="filters" id="filters" role="search">
    <label>
      Section{' '}
      <select id="f-section">
        <option value="">All sections</option>
        {m.sections
          .filter((s) => s.kind === 'checklist')
          .map((s) => (
            <option value={s.id}>{s.area}</option>
          ))}
      </select>
    </label>
    <label>
      Account{' '}
      <select id="f-account">
        <option value="">All accounts</option>
        {m.accounts.map((a) => (
          <option value={a}>{accountLabel(m, a)}</option>
        ))}
      </select>
    </label>
    <span>
      {ITEM_VERDICTS.map((v) => (
        <label class="chk">
          <input type="checkbox" name="f-verdict" value={v} checked />
          <span class={`badge v-${v}`}>{VERDICT_LABEL[v]}</span>
        </label>
      ))}
    </span>
    <button type="button" id="f-reset">
      Reset
    </button>
    <span id="f-count" class="muted small"></span>
  </div>
);
