/**
 * `ftr import <file...>`: record snapshots, assessments and attestations files in the workspace store.
 * Each file is validated completely and written in one transaction: a corrupt file changes nothing.
 * Files are imported in the order given; the first bad one stops the command (those before it stay).
 */
import { EXIT } from '../../core/errors.js';
import { cliActor } from '../../store/db.js';
import { importFile, type ImportResult } from '../../store/import.js';
import { terminalSafe, withStore, type DbOption } from '../store-access.js';

export interface ImportCommandOptions {
  readonly files: readonly string[];
  readonly db: DbOption;
  readonly write?: (text: string) => void;
}

export function describeImport(file: string, result: ImportResult): string {
  const name = terminalSafe(file);
  switch (result.kind) {
    case 'snapshot': {
      const s = result.scan;
      const what = `${s.accountCount} account(s), ${s.regionCount} region(s)${s.complete ? '' : ', INCOMPLETE'}`;
      return result.created ? `${name}: recorded as scan #${s.id} (${what}).` : `${name}: already stored as scan #${s.id}.`;
    }
    case 'assessment': {
      const a = result.assessment;
      const scope = a.scopeName === null ? '' : `, scope ${terminalSafe(a.scopeName)}`;
      const what = `${terminalSafe(a.frameworkId)}${scope}, readiness ${a.readiness.met}/${a.readiness.applicable}`;
      const link = result.linkedScan === null ? '' : `, from scan #${result.linkedScan}`;
      return result.created ? `${name}: recorded as assessment #${a.id} (${what}${link}).` : `${name}: already stored as assessment #${a.id}.`;
    }
    case 'attestations': {
      const scope = result.scopeName === null ? '' : ` (scope ${terminalSafe(result.scopeName)})`;
      const parts = [`${result.created} created`, `${result.updated} updated`, `${result.unchanged} unchanged`];
      const notes: string[] = [];
      if (result.unanswered > 0) notes.push(`${result.unanswered} unanswered entr${result.unanswered === 1 ? 'y' : 'ies'} left as stored`);
      if (result.onlyInStore > 0) notes.push(`${result.onlyInStore} stored entr${result.onlyInStore === 1 ? 'y' : 'ies'} not in the file kept`);
      if (result.evidenceFilesStored > 0) notes.push(`${result.evidenceFilesStored} evidence file(s) stored`);
      return `${name}: attestations for ${terminalSafe(result.frameworkId)}${scope}: ${parts.join(', ')}${notes.length > 0 ? `; ${notes.join('; ')}` : ''}.`;
    }
  }
}

export async function importCommand(options: ImportCommandOptions): Promise<number> {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const now = new Date().toISOString();
  const actor = cliActor();
  await withStore(options.db, async (store) => {
    for (const file of options.files) {
      const result = await importFile(store, file, { actor, now });
      write(`${describeImport(file, result)}\n`);
    }
  });
  return EXIT.ok;
}
