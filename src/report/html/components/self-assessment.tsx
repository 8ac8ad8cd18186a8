/** Part 5, the completed self-assessment in AWS's order. */
import type { FC } from 'hono/jsx';
import { itemAnchor, partHeading } from '../../contents.js';
import type { ReportModel } from '../../model.js';

export const SelfAssessment: FC<{ m: ReportModel }> = ({ m }) => {
  const studies = m.selfAssessment.caseStudies;
  const primary = studies[0];
  if (!primary) return null;
  const multi = studies.length > 1;
  return (
    <section class="block part-start" id="self-assessment">
      <h2 class="part">{partHeading(m, 'self-assessment')}</h2>
      <p class="small muted">
        The checklist in AWS's order. Met: Y = met, N = not met or evidence still needed, N/A = not applicable to the delivery category or
        gated out.{multi ? ' One column per case study.' : ''}
      </p>
      <table>
        <thead>
          <tr>
            <th>Item</th>
            <th>Requirement</th>
            {studies.map((cs) => (
              <th>{multi ? `Met — ${cs.name}` : 'Met'}</th>
            ))}
            <th>Evidence</th>
          </tr>
        </thead>
        <tbody>
          {primary.rows.map((row, i) => (
            <tr data-filter="" data-section={row.sectionId} data-verdict={row.verdict}>
              <td class="mono nw">
                <a href={`#${itemAnchor(row.itemId)}`}>{row.itemId}</a>
              </td>
              <td>
                {row.title}
                <div class="small muted">{row.area}</div>
              </td>
              {studies.map((cs) => {
                const r = cs.rows[i];
                return <td>{r ? <span class={`badge v-${r.verdict}`}>{r.met}</span> : ''}</td>;
              })}
              <td class="wrap small">{row.evidence}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};
