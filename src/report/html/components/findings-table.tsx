/** A table of check results (findings) for an item, a section or the hardening part. */
import type { FC } from 'hono/jsx';
import { STATUS_LABEL } from '../../format.js';
import { evidenceEntries } from '../../evidence.js';
import type { FindingRow } from '../../model.js';
import type { HtmlOptions } from '../options.js';
import { DataTable, rowsToRender, type DRow } from './data-table.js';

export const FindingsTable: FC<{ rows: readonly FindingRow[]; opts: HtmlOptions; showCheck?: boolean }> = ({ rows, opts, showCheck }) => (
  <DataTable
    opts={opts}
    head={[
      { label: 'Status' },
      ...(showCheck ? [{ label: 'Check' }] : []),
      { label: 'Account / region' },
      { label: 'Resource' },
      { label: 'Finding' },
      { label: 'Evidence' },
    ]}
    total={rows.length}
    rows={rowsToRender(rows, opts).map(
      (f): DRow => ({
        a: f.accountId,
        c: [
          { t: f.suppressed ? `${STATUS_LABEL[f.status]} (suppressed)` : STATUS_LABEL[f.status], b: `s-${f.status}` },
          ...(showCheck ? [{ t: f.checkId, c: 'mono small' }] : []),
          { t: `${f.accountId} ${f.region ?? 'global'}`, c: 'mono small', ...(f.accountName ? { s: f.accountName } : {}) },
          { t: f.resourceId, c: 'wrap mono small', h: f.resourceArn ?? f.resourceId },
          { t: f.message, c: 'wrap' },
          { t: '', c: 'evc small', e: evidenceEntries(f.evidence) },
        ],
      }),
    )}
  />
);
