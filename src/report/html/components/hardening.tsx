/** Part 4, hardening beyond the checklist (advisory checks). */
import type { FC } from 'hono/jsx';
import { itemAnchor, partHeading } from '../../contents.js';
import { ROLE_MEANING, STATUS_LABEL } from '../../format.js';
import type { ReportModel } from '../../model.js';
import type { HtmlOptions } from '../options.js';
import { FindingsTable } from './findings-table.js';

export const Hardening: FC<{ m: ReportModel; opts: HtmlOptions }> = ({ m, opts }) => {
  const h = m.hardening;
  return (
    <section class="block part-start" id="hardening">
      <h2 class="part">{partHeading(m, 'hardening')}</h2>
      <p class="note">
        These checks go beyond what the checklist asks (role "advisory"). They never change an item's verdict and are not blockers;
        fix them when you can. Roles: <span class="role role-required">Required</span> {ROLE_MEANING.required};{' '}
        <span class="role role-evidence">Evidence</span> {ROLE_MEANING.evidence}; <span class="role role-advisory">Advisory</span>{' '}
        {ROLE_MEANING.advisory}.
      </p>
      {h.checks.length === 0 ? (
        <p class="muted small">No advisory check in this assessment.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Severity</th>
              <th>Check</th>
              <th>Advisory for</th>
              <th class="num">{STATUS_LABEL.FAIL}</th>
              <th class="num">{STATUS_LABEL.UNKNOWN}</th>
              <th class="num">{STATUS_LABEL.PASS}</th>
            </tr>
          </thead>
          <tbody>
            {h.checks.map((c) => (
              <tr>
                <td>
                  <span class={`badge sev sev-${c.severity}`}>{c.severity}</span>
                </td>
                <td class="wrap">
                  <span class="mono small">{c.id}</span>
                  <div class="small">{c.title}</div>
                  {c.counts.FAIL > 0 && c.remediation ? <div class="small muted">Fix: {c.remediation.summary}</div> : null}
                </td>
                <td class="wrap small">
                  {c.items.map((i) => (
                    <div>
                      <a href={`#${itemAnchor(i.itemId)}`} class="mono">
                        {i.itemId}
                      </a>
                      : {i.rationale}
                    </div>
                  ))}
                  {c.decidesItems.length > 0 ? <div class="muted">Also decides {c.decidesItems.join(', ')}.</div> : null}
                </td>
                <td class="num">{c.counts.FAIL || ''}</td>
                <td class="num">{c.counts.UNKNOWN || ''}</td>
                <td class="num">{c.counts.PASS || ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {h.findings.length > 0 ? (
        <>
          <h3>Failing advisory results ({h.findings.length})</h3>
          <FindingsTable rows={h.findings} opts={opts.mode === 'print' ? { ...opts, printRowLimit: 60 } : opts} showCheck />
        </>
      ) : null}
    </section>
  );
};
