/** The report cover: framework, scope, scan window. */
import type { FC } from 'hono/jsx';
import { dateTime, DELIVERY_LABEL } from '../../format.js';
import { accountLabel, type ReportModel } from '../../model.js';

export const Cover: FC<{ m: ReportModel }> = ({ m }) => (
  <header class="cover">
    <h1>{m.framework.title}</h1>
    <div class="sub">
      Readiness report{m.scope.name ? ` — ${m.scope.name}` : ''}
      {m.caseStudy ? ` — case study: ${m.caseStudy.name}` : ''}
    </div>
    <dl>
      <div>
        <dt>Generated</dt>
        <dd>{dateTime(m.generatedAt)}</dd>
      </div>
      <div>
        <dt>Checklist</dt>
        <dd>
          {m.framework.checklistVersion} (catalog {m.framework.version})
        </dd>
      </div>
      <div>
        <dt>Delivery category</dt>
        <dd>{DELIVERY_LABEL[m.deliveryCategory] ?? m.deliveryCategory}</dd>
      </div>
      <div>
        <dt>Tool</dt>
        <dd>
          {m.tool.name} {m.tool.version}
        </dd>
      </div>
      <div>
        <dt>Accounts</dt>
        <dd>{m.scope.accounts.length > 4 ? `${m.scope.accounts.length} accounts` : m.scope.accounts.map((a) => accountLabel(m, a)).join(', ')}</dd>
      </div>
      <div>
        <dt>Regions</dt>
        <dd>{m.scope.regions.length > 4 ? `${m.scope.regions.length} regions` : m.scope.regions.join(', ')}</dd>
      </div>
      <div>
        <dt>Principal</dt>
        <dd>{m.scope.principal}</dd>
      </div>
      <div>
        <dt>Scan</dt>
        <dd>
          {dateTime(m.scope.scanStartedAt)} → {dateTime(m.scope.scanFinishedAt).slice(11)}
          {m.scope.snapshotComplete ? '' : ' (incomplete)'}
        </dd>
      </div>
    </dl>
  </header>
);
