/**
 * `ftr scan --db` / `ftr evaluate --db`: record the snapshot and the assessment(s) the command produced,
 * in one transaction, after the files are written (so a store problem never costs the scan's output).
 * This module stays light: scan and evaluate import it whether or not --db is given.
 */
import type { Assessment } from '../core/assessment.js';
import type { Snapshot } from '../core/snapshot.js';
import type { Scope } from '../scope/types.js';
import { UserError } from '../core/errors.js';
import type { DbOption } from './store-access.js';

/** `snapshot` may be a loader: the snapshot is then read (from its file) only when --db is given. */
export async function recordRun(
  db: DbOption,
  snapshotOrLoader: Snapshot | (() => Promise<Snapshot>) | undefined,
  assessments: readonly Assessment[],
  source: 'scan' | 'evaluate',
  /** The scopes the assessments were evaluated with: stored with them so the dashboard can re-evaluate them the same way. */
  scopes: readonly (Scope | null)[] = [],
): Promise<void> {
  if (db === undefined || db === false || snapshotOrLoader === undefined) return;
  const snapshot = typeof snapshotOrLoader === 'function' ? await snapshotOrLoader() : snapshotOrLoader;
  // Loaded only when --db is given: commands without it never load the store or its drivers.
  const { cliActor } = await import('../store/db.js');
  const { withStore } = await import('./store-access.js');
  const actor = cliActor();
  try {
    await withStore(db, async (store) => {
      const { scan, ids } = await store.transaction(async (tx) => {
        const recorded = await tx.scans.record(snapshot, { source, actor });
        const ids: string[] = [];
        for (const assessment of assessments) {
          const scope = scopes.find((s) => s !== null && s.name === assessment.scope.name) ?? null;
          const result = await tx.assessments.record(assessment, { scanId: recorded.scan.id, source, actor, scope });
          ids.push(`#${result.assessment.id}${result.created ? '' : ' (already stored)'}`);
        }
        return { scan: `#${recorded.scan.id}${recorded.created ? '' : ' (already stored)'}`, ids };
      });
      process.stdout.write(`Recorded in ${store.description}: scan ${scan}, assessment ${ids.join(', ')}.\n`);
    });
  } catch (err) {
    if (err instanceof UserError) {
      throw new UserError(`${err.message}\nThe files were written; record them later with \`ftr import <snapshot> <assessment>\`.`);
    }
    throw err;
  }
}
