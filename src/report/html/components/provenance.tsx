/** How this report was produced, and what the scan could not see. */
import type { FC } from 'hono/jsx';
import { describeCollectionError } from '../../../core/observed.js';
import { dateTime, DELIVERY_LABEL, HARDENING_TITLE } from '../../format.js';
import type { ReportModel } from '../../model.js';
import type { HtmlOptions } from '../options.js';
import { DataTable, rowsToRender, type DRow } from './data-table.js';
import { partHeading } from '../../contents.js';

export const Provenance: FC<{ m: ReportModel; opts: HtmlOptions }> = ({ m, opts }) => (
  <section class="block part-start" id="provenance">
    <h2 class="part">{partHeading(m, 'provenance')}</h2>
    <p>
      {m.tool.name} {m.tool.version} scanned {m.scope.accounts.length} account(s) in {m.scope.regions.length} region(s) read-only as{' '}
      <span class="mono">{m.scope.principal}</span> from {dateTime(m.scope.scanStartedAt)} to {dateTime(m.scope.scanFinishedAt)}, then
      evaluated the snapshot (schema {m.scope.snapshotSchemaVersion}) against the catalog <span class="mono">{m.framework.id}</span>{' '}
      {m.framework.version} (AWS checklist {m.framework.checklistVersion}, released {m.framework.releaseDate}) for the delivery category{' '}
      {DELIVERY_LABEL[m.deliveryCategory] ?? m.deliveryCategory}. Report schema {m.reportSchemaVersion}, generated {dateTime(m.generatedAt)}.
    </p>
    <p class="small muted">
      Verdicts: Met = the required checks pass and any evidence the item asks for is attested; Not met = a required check fails or the
      answer is no; Needs evidence = a person must confirm and attach evidence, or show another accepted way when an evidence check fails;
      Unknown = the scanner could not read a required check (never counted as a pass); Not applicable = excluded by the delivery category,
      a gating question or a not-applicable attestation. Advisory checks never change a verdict (see {HARDENING_TITLE.toLowerCase()}).
    </p>
    <h3>What the scan could not see ({m.collectionErrors.length})</h3>
    {m.collectionErrors.length === 0 ? (
      <p class="muted small">Every read succeeded.</p>
    ) : (
      <DataTable
        opts={opts}
        head={[{ label: 'Account' }, { label: 'Region' }, { label: 'Call' }, { label: 'Kind' }, { label: 'Meaning' }]}
        total={m.collectionErrors.length}
        rows={rowsToRender(m.collectionErrors, opts).map(
          (e): DRow => ({
            a: e.accountId,
            c: [
              { t: e.accountId, c: 'mono', ...(m.accountNames?.[e.accountId] ? { s: m.accountNames[e.accountId] ?? '' } : {}) },
              { t: e.region },
              { t: `${e.service}:${e.operation}`, c: 'mono small' },
              { t: e.kind },
              { t: describeCollectionError(e), c: 'wrap small' },
            ],
          }),
        )}
      />
    )}
  </section>
);
