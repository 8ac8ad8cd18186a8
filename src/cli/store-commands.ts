/**
 * The workspace-store commands, registered on the program by src/cli/index.ts:
 *   ftr import <file...>            snapshots, assessments, attestations files
 *   ftr history [--scans]           stored assessments (or scans), newest first
 *   ftr diff <a> <b>                per-item changes between two assessments (ids or files)
 *   ftr attest export / import      attestations between the store and ftr-attestations.yaml
 * and the `--db` option that scan and evaluate share. Each command's module (and with it the store and its
 * drivers) is imported when the command runs, so `ftr --help` and the other commands do not load them.
 */
import { Option, type Command } from 'commander';
import { DEFAULT_DELIVERY, DEFAULT_FRAMEWORK, parsePositiveInt } from './options.js';
import type { DbOption } from './store-access.js';

const DB_HELP = 'workspace store: a SQLite file or postgres://... (default: $FTR_DB, else ~/.local/share/ftr-ready/ftr.db)';

/** `--db [location]` on scan/evaluate: record what the command produced (a bare --db uses the default store). */
export const recordDbOption = () => new Option('--db [location]', `also record the snapshot and assessment in the ${DB_HELP}`);

const dbOption = () => new Option('--db <location>', DB_HELP);

export function registerStoreCommands(program: Command, attest: Command, setExitCode: (code: number) => void): void {
  program
    .command('import')
    .description('record snapshots, assessments or attestations files in the workspace store')
    .argument('<files...>', 'snapshot.json.gz, assessment.json or ftr-attestations.yaml')
    .addOption(dbOption())
    .action(async (files: string[], o: { db?: DbOption }) => {
      const { importCommand } = await import('./commands/import.js');
      setExitCode(await importCommand({ files, db: o.db }));
    });

  program
    .command('history')
    .description('list the stored assessments (or scans), newest first')
    .addOption(dbOption())
    .option('--framework <id>', 'only this framework')
    .option('--scope-name <name>', 'only this scope ("" for unscoped assessments)')
    .option('--limit <n>', 'at most this many rows', '50')
    .option('--scans', 'list the stored scans instead', false)
    .option('--json', 'print JSON', false)
    .action(async (o: { db?: DbOption; framework?: string; scopeName?: string; limit: string; scans: boolean; json: boolean }) => {
      const { historyCommand } = await import('./commands/history.js');
      setExitCode(
        await historyCommand({
          db: o.db,
          frameworkId: o.framework,
          scopeName: o.scopeName,
          limit: parsePositiveInt('--limit', o.limit),
          scans: o.scans,
          json: o.json,
        }),
      );
    });

  program
    .command('diff')
    .description('per item, what changed between two assessments: verdict, failing resources added/fixed, evidence expired')
    .argument('<a>', 'the older assessment: a stored id (see `ftr history`) or an assessment.json')
    .argument('<b>', 'the newer assessment: a stored id or an assessment.json')
    .addOption(dbOption())
    .option('--json', 'print JSON (every resource)', false)
    .option('--max-resources <n>', 'resources listed per item before "... and N more"', '10')
    .action(async (a: string, b: string, o: { db?: DbOption; json: boolean; maxResources: string }) => {
      const { diffCommand } = await import('./commands/diff.js');
      setExitCode(await diffCommand({ a, b, db: o.db, json: o.json, maxResources: parsePositiveInt('--max-resources', o.maxResources) }));
    });

  attest
    .command('export')
    .description('write the stored attestations as ftr-attestations.yaml, with their evidence files')
    .addOption(dbOption())
    .addOption(new Option('--framework <id>', 'framework catalog').default(DEFAULT_FRAMEWORK))
    .addOption(new Option('--delivery <category>', 'delivery category written in the file').default(DEFAULT_DELIVERY))
    .option('--scope-name <name>', 'the scope (case study) the attestations are for')
    .option('--out <file>', 'file to write (- for stdout)', 'ftr-attestations.yaml')
    .option('--force', 'overwrite an existing file', false)
    .action(async (o: { db?: DbOption; framework: string; delivery: string; scopeName?: string; out: string; force: boolean }) => {
      const { attestExportCommand } = await import('./commands/attestations-export.js');
      setExitCode(
        await attestExportCommand({ db: o.db, frameworkId: o.framework, delivery: o.delivery, scopeName: o.scopeName ?? null, out: o.out, force: o.force }),
      );
    });

  attest
    .command('import')
    .description('record an attestations file in the workspace store (same as `ftr import <file.yaml>`)')
    .argument('<file>', 'ftr-attestations.yaml')
    .addOption(dbOption())
    .action(async (file: string, o: { db?: DbOption }) => {
      const { importCommand } = await import('./commands/import.js');
      setExitCode(await importCommand({ files: [file], db: o.db }));
    });
}
