/**
 * 0006: the scope (or case study) an assessment was evaluated with (`ftr evaluate --scope ... --db`), as the
 * JSON of src/scope/types.ts's Scope, so the dashboard re-evaluates a scoped assessment with the same scope
 * after an attestation is saved. The assessment document names its scope but not its tag / stack filters.
 * Null for unscoped assessments and for scoped ones imported without their scope file.
 * Never edit a released migration: add the next NNNN_*.ts and register it in ./index.ts.
 */
import type { Kysely } from 'kysely';
import type { StoreEngine } from '../location.js';

export async function up(db: Kysely<unknown>, _engine: StoreEngine): Promise<void> {
  await db.schema.alterTable('assessments').addColumn('scope_definition', 'text').execute();
}

export async function down(db: Kysely<unknown>, _engine: StoreEngine): Promise<void> {
  await db.schema.alterTable('assessments').dropColumn('scope_definition').execute();
}
