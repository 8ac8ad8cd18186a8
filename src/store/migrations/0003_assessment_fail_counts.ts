/**
 * 0003: FAIL counts by severity as columns of `assessments`, written when an assessment is recorded, so the
 * overview's "blockers by severity" is a column read instead of counting up to 100k finding rows per page
 * (docs/benchmarks.md, dashboard section). Existing assessments are backfilled from their finding rows.
 * Never edit a released migration: add the next NNNN_*.ts and register it in ./index.ts.
 */
import { sql, type Kysely } from 'kysely';
import { SEVERITIES } from '../../core/finding.js';
import type { StoreEngine } from '../location.js';

/** `fails_critical`, `fails_high`, ...: one column per severity of the finding model. */
export const failColumn = (severity: string): string => `fails_${severity}`;

export async function up(db: Kysely<unknown>, _engine: StoreEngine): Promise<void> {
  for (const severity of SEVERITIES) {
    await db.schema
      .alterTable('assessments')
      .addColumn(failColumn(severity), 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // Portable SQL (a correlated count) for both engines; it runs once, through the (assessment_id, status, severity) index.
    await sql`update assessments set ${sql.ref(failColumn(severity))} = (
      select count(*) from findings f where f.assessment_id = assessments.id and f.status = 'FAIL' and f.severity = ${severity}
    )`.execute(db);
  }
}

export async function down(db: Kysely<unknown>, _engine: StoreEngine): Promise<void> {
  for (const severity of [...SEVERITIES].reverse()) await db.schema.alterTable('assessments').dropColumn(failColumn(severity)).execute();
}
