/** A finding's evidence for people: key/value lines and small tables (src/report/evidence.ts builds them). */
import type { FC } from 'hono/jsx';
import type { EvidenceEntry } from '../../evidence.js';

export const EvidenceList: FC<{ entries: readonly EvidenceEntry[] }> = ({ entries }) =>
  entries.length === 0 ? null : (
    <dl class="ev">
      {entries.map((e) => (
        <>
          <dt>{e.key}</dt>
          <dd>
            {e.table ? (
              <>
                <table class="ev-t">
                  <thead>
                    <tr>
                      {e.table.columns.map((c) => (
                        <th>{c}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {e.table.rows.map((r) => (
                      <tr>
                        {r.map((c) => (
                          <td>{c}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
                {e.table.more > 0 ? <span class="muted">and {e.table.more} more</span> : null}
              </>
            ) : (
              e.value
            )}
          </dd>
        </>
      ))}
    </dl>
  );
