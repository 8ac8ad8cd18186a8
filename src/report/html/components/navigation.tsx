/** Table of contents and the screen-only filter bar. */
import type { FC } from 'hono/jsx';
import { ITEM_VERDICTS } from '../../../core/assessment.js';
import { HARDENING_TITLE, VERDICT_LABEL } from '../../format.js';
import { accountLabel, type ReportModel } from '../../model.js';
import { sectionAnchor } from './primitives.js';

export const Toc: FC<{ m: ReportModel }> = ({ m }) => (
  <nav class="toc" aria-label="Contents">
    <h2>Contents</h2>
    <ol>
      <li>
        <a href="#glance">At a glance</a>
      </li>
      <li>
        <a href="#resources">Attached resources and costs</a>
      </li>
      <li>
        <a href="#details">Detail sections</a>
        <ol>
          {m.sections.map((s) => (
            <li>
              <a href={`#${sectionAnchor(s)}`}>{s.area}</a>
            </li>
          ))}
        </ol>
      </li>
      <li>
        <a href="#hardening">{HARDENING_TITLE}</a>
      </li>
      <li>
        <a href="#self-assessment">Completed self-assessment</a>
      </li>
      {m.changes ? (
        <li>
          <a href="#changes">Changes since the previous assessment</a>
        </li>
      ) : null}
      <li>
        <a href="#provenance">How this report was produced</a>
      </li>
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
