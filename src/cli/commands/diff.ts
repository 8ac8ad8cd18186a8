/**
 * `ftr diff <a> <b>`: per checklist item, what changed from assessment a to b: the verdict, failing
 * resources added or fixed, evidence that expired. a and b are stored assessment ids (`12` or `#12`) or
 * assessment.json files; the store is opened only when an id is given.
 */
import { EXIT } from '../../core/errors.js';
import { readAssessment } from '../../io/assessment-file.js';
import type { Store } from '../../store/db.js';
import { diffAssessments, diffSideFromAssessment, diffSideFromStore, type AssessmentDiff, type DiffSide, type ItemDiff } from '../../store/diff.js';
import type { FailingResource } from '../../store/repositories/assessments.js';
import { terminalSafe, withStore, type DbOption } from '../store-access.js';

export interface DiffCommandOptions {
  readonly a: string;
  readonly b: string;
  readonly db: DbOption;
  readonly json?: boolean;
  /** Resources listed per item and direction before "... and N more" (default 10). */
  readonly maxResources?: number;
  readonly write?: (text: string) => void;
}

const STORED_ID = /^#?(\d+)$/;

async function side(ref: string, store: Store | null): Promise<DiffSide> {
  const id = STORED_ID.exec(ref)?.[1];
  if (id !== undefined && store !== null) return diffSideFromStore(store, Number(id));
  return diffSideFromAssessment(ref, await readAssessment(ref));
}

const minute = (iso: string) => iso.replace('T', ' ').slice(0, 16);
const percent = (r: { met: number; applicable: number }) => (r.applicable === 0 ? '-' : `${Math.round((r.met / r.applicable) * 100)}%`);

function resourceLine(r: FailingResource): string {
  return terminalSafe(`${r.checkId}  ${r.accountId}  ${r.region ?? 'global'}  ${r.resourceType}  ${r.resourceId}`);
}

function itemLines(item: ItemDiff, max: number): string[] {
  const lines = [terminalSafe(`${item.itemId}  ${item.title}`)];
  if (item.before !== item.after) lines.push(terminalSafe(`  verdict: ${item.before ?? '(not in a)'} -> ${item.after ?? '(not in b)'}`));
  const list = (label: string, resources: readonly FailingResource[]) => {
    if (resources.length === 0) return;
    lines.push(`  ${label} (${resources.length}):`);
    for (const r of resources.slice(0, max)) lines.push(`    ${resourceLine(r)}`);
    if (resources.length > max) lines.push(`    ... and ${resources.length - max} more (--json lists all)`);
  };
  list('new failing resources', item.added);
  list('fixed', item.fixed);
  if (item.evidenceExpired) lines.push(`  evidence expired${item.expiredOn ? ` (valid through ${item.expiredOn})` : ''}`);
  return lines;
}

export function formatDiff(diff: AssessmentDiff, maxResources = 10): string {
  const { from, to } = diff;
  const scope = to.scopeName === null ? '' : `, scope ${to.scopeName}`;
  const lines = [
    terminalSafe(`${from.label} (${minute(from.generatedAt)}) -> ${to.label} (${minute(to.generatedAt)}): ${to.frameworkId}${scope}`),
    `Readiness: ${from.readiness.met}/${from.readiness.applicable} (${percent(from.readiness)}) -> ${to.readiness.met}/${to.readiness.applicable} (${percent(to.readiness)})`,
    ...diff.warnings.map((w) => terminalSafe(`Warning: ${w}`)),
    '',
  ];
  if (diff.items.length === 0) {
    lines.push(`No item changed (${diff.unchangedItems} compared).`);
  } else {
    lines.push(`${diff.items.length} item(s) changed, ${diff.unchangedItems} unchanged:`, '');
    for (const item of diff.items) lines.push(...itemLines(item, maxResources), '');
  }
  return lines.join('\n').trimEnd();
}

export async function diffCommand(options: DiffCommandOptions): Promise<number> {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const needsStore = STORED_ID.test(options.a) || STORED_ID.test(options.b);
  const run = async (store: Store | null) => {
    const diff = diffAssessments(await side(options.a, store), await side(options.b, store));
    write(options.json === true ? `${JSON.stringify(diff, null, 2)}\n` : `${formatDiff(diff, options.maxResources)}\n`);
  };
  if (needsStore) await withStore(options.db, run);
  else await run(null);
  return EXIT.ok;
}
