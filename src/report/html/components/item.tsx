/** One checklist item: verdict, reason, accepted ways, checks with roles, findings, attestation, remediation. */
import type { FC } from 'hono/jsx';
import { CHECK_STATUSES } from '../../../core/finding.js';
import { itemAnchor } from '../../contents.js';
import { day, STATUS_LABEL } from '../../format.js';
import type { ReportItem } from '../../model.js';
import type { HtmlOptions } from '../options.js';
import { FindingsTable } from './findings-table.js';
import { Verdict } from './primitives.js';
import { RoleBadge } from './role-badge.js';
import { RemediationCode } from './remediation-code.js';

export const Item: FC<{ item: ReportItem; opts: HtmlOptions }> = ({ item, opts }) => {
  const itemOpts: HtmlOptions = opts.mode === 'print' ? { ...opts, printRowLimit: Math.min(opts.printRowLimit ?? 200, opts.printItemRowLimit ?? 40) } : opts;
  // Advisory checks' remediation lives in the hardening section; here only what decides the item.
  const failingChecks = item.checks.filter((c) => c.role !== 'advisory' && (c.counts.FAIL > 0 || c.counts.UNKNOWN > 0 || c.counts.MANUAL > 0));
  const a = item.attestation;
  return (
    <article
      class={`item v-${item.verdict}`}
      id={itemAnchor(item.itemId)}
      data-filter=""
      data-section={item.sectionId}
      data-verdict={item.verdict}
      {...(item.accounts.length > 0 ? { 'data-account': item.accounts.join(' ') } : {})}
    >
      <header>
        <span class="id">{item.itemId}</span>
        <span class="t">{item.title}</span>
        {item.severity && item.verdict !== 'MET' ? <span class={`badge sev sev-${item.severity}`}>{item.severity}</span> : null}
        <span class="muted small">{item.automation}</span>
        <Verdict v={item.verdict} />
      </header>
      <p class="why">
        <strong>Why: </strong>
        {item.reason}
      </p>
      {item.alternatives.length > 0 && item.verdict !== 'MET' && item.verdict !== 'NOT_APPLICABLE' ? (
        <div class="alts">
          <strong>The checklist accepts any of these ways:</strong>
          <ol>
            {item.alternatives.map((a) => (
              <li>
                <strong>{a.way}</strong>: {a.how}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {item.checks.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th>Automated check</th>
              <th>Role for this item</th>
              <th>Severity</th>
              {CHECK_STATUSES.map((s) => (
                <th class="num">{STATUS_LABEL[s]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {item.checks.map((c) => (
              <tr class={c.role === 'advisory' ? 'advisory' : ''}>
                <td>
                  <span class="mono small">{c.id}</span>
                  <div class="small muted">{c.title}</div>
                </td>
                <td class="wrap">
                  <RoleBadge c={c} />
                  {c.rationale ? <div class="small muted">{c.rationale}</div> : null}
                </td>
                <td>
                  <span class={`badge sev sev-${c.severity}`}>{c.severity}</span>
                </td>
                {CHECK_STATUSES.map((s) => (
                  <td class="num">{c.counts[s] || ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted small">No automated check: this item is answered with evidence.</p>
      )}
      {item.attention.length > 0 ? (
        <>
          <h4>Resources that need attention ({item.attention.length})</h4>
          <FindingsTable rows={item.attention} opts={itemOpts} showCheck={item.checks.length > 1} />
        </>
      ) : null}
      {item.passingSample.length > 0 ? (
        <details>
          <summary>
            Passing evidence ({item.counts.PASS} resource{item.counts.PASS === 1 ? '' : 's'} pass)
          </summary>
          <FindingsTable rows={item.passingSample} opts={itemOpts} showCheck={item.checks.length > 1} />
        </details>
      ) : null}
      {a ? (
        <div class="attest">
          <strong>Attestation:</strong> "{a.answer}" by {a.owner} on {day(a.date)}
          {a.reviewer ? `, reviewed by ${a.reviewer}` : ''}
          {a.expires ? (a.expired ? ` — expired ${day(a.expires)}` : ` — valid until ${day(a.expires)}`) : ''}
          <div>{a.justification}</div>
          {a.evidence.length > 0 ? (
            <ul class="small">
              {a.evidence.map((e) => (
                <li>
                  {e.kind === 'url' && /^https?:\/\//i.test(e.ref) ? (
                    <a href={e.ref} rel="noopener noreferrer">
                      {e.ref}
                    </a>
                  ) : (
                    <span class="mono">{e.ref}</span>
                  )}
                  {e.sha256 ? <span class="muted mono"> sha256 {e.sha256.slice(0, 16)}…</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {item.verdict !== 'MET' && item.verdict !== 'NOT_APPLICABLE'
        ? failingChecks
            .filter((c) => c.remediation)
            .map((c) => (
              <div class="remed">
                <h4>
                  Remediation — <span class="mono">{c.id}</span>
                </h4>
                <p>{c.remediation?.summary}</p>
                {c.remediation?.console ? (
                  <p>
                    <strong>Console: </strong>
                    {c.remediation.console}
                  </p>
                ) : null}
                {c.remediation?.cli ? (
                  <>
                    <strong>AWS CLI</strong>
                    <pre>{c.remediation.cli}</pre>
                  </>
                ) : null}
                <RemediationCode remediation={c.remediation} />
                {c.remediation?.docs ? (
                  <p class="small">
                    Documentation: <span class="mono">{c.remediation.docs}</span>
                  </p>
                ) : null}
              </div>
            ))
        : null}
    </article>
  );
};
