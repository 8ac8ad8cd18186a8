/**
 * `ftr attest export`: the stored attestations of a framework and scope as ftr-attestations.yaml (the
 * format of docs/attestations.md), with their evidence files written next to it where the references
 * point, so `ftr evaluate --attestations` and a git review work on the result as on a hand-written file.
 * `ftr import` (or `ftr attest import`) reads such a file back.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { FileExistsError } from '../../attest/errors.js';
import { sha256Of } from '../../attest/evidence-hash.js';
import { EXIT, UserError } from '../../core/errors.js';
import { exportAttestations } from '../../store/attestations-yaml.js';
import { parseDelivery, resolveFramework } from '../options.js';
import { terminalSafe, withStore, type DbOption } from '../store-access.js';

export interface AttestExportOptions {
  readonly db: DbOption;
  readonly frameworkId: string;
  readonly delivery: string;
  readonly scopeName: string | null;
  /** The file to write; `-` prints the YAML (evidence files are then not written). */
  readonly out: string;
  readonly force: boolean;
  readonly write?: (text: string) => void;
  readonly warn?: (text: string) => void;
}

/** Where an evidence reference lands, or null when it would leave the export's directory. */
export function evidenceTarget(baseDir: string, ref: string): string | null {
  if (ref === '' || isAbsolute(ref)) return null;
  const root = resolve(baseDir);
  const target = resolve(root, ref);
  return target.startsWith(root + sep) ? target : null;
}

export async function attestExportCommand(options: AttestExportOptions): Promise<number> {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const warn = options.warn ?? ((text: string) => process.stderr.write(text));
  const framework = resolveFramework(options.frameworkId);
  const delivery = parseDelivery(options.delivery);
  const toStdout = options.out === '-';
  if (!toStdout && existsSync(options.out) && !options.force) throw new FileExistsError(options.out);

  await withStore(options.db, async (store) => {
    const exported = await exportAttestations(store, { framework, delivery, scopeName: options.scopeName, now: new Date().toISOString() });
    if (toStdout) {
      write(exported.text);
      if (exported.evidenceFiles.length > 0) warn(`Note: ${exported.evidenceFiles.length} evidence file(s) are referenced but not written when exporting to stdout.\n`);
      return;
    }
    const baseDir = dirname(resolve(options.out));
    let written = 0;
    for (const file of exported.evidenceFiles) {
      const target = evidenceTarget(baseDir, file.ref);
      if (target === null) {
        warn(`Warning: evidence file ${terminalSafe(file.ref)} points outside ${baseDir}; its reference is kept but the file is not written.\n`);
        continue;
      }
      if (existsSync(target)) {
        if (sha256Of(readFileSync(target)) === file.sha256) continue;
        if (!options.force) throw new UserError(`${target} exists with other content than the stored evidence (sha256 ${file.sha256}); pass --force to overwrite it.`);
      }
      const { bytes } = await store.evidence.content(file.sha256);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
      written += 1;
    }
    // Temp file + rename: an interrupted export never leaves half a file where a good one was.
    const tmp = `${options.out}.tmp-${process.pid}`;
    writeFileSync(tmp, exported.text, 'utf8');
    renameSync(tmp, options.out);
    const scope = options.scopeName === null ? '' : ` (scope ${terminalSafe(options.scopeName)})`;
    write(`Wrote ${options.out}: ${exported.entries} stored entr${exported.entries === 1 ? 'y' : 'ies'} for ${framework.id}${scope}, ${written} evidence file(s) written.\n`);
  });
  return EXIT.ok;
}
