/**
 * JUnit XML for CI dashboards: one test suite per checklist section, one test case per checklist item, so a
 * pipeline that fails on `--fail-on` also shows which items are not met. Verdicts map to JUnit outcomes:
 * MET passes, NOT_MET is a <failure> (the reason and the failing resources), NOT_APPLICABLE is <skipped>;
 * UNKNOWN and NEEDS_EVIDENCE are an <error> (type UNKNOWN / NEEDS_EVIDENCE): the item was not shown to be met,
 * so it must never look like a pass. Follows the Ant/Jenkins JUnit schema's required attributes.
 */
import type { ItemVerdict } from '../core/assessment.js';
import type { ReportItem, ReportModel } from './model.js';

/** How many failing results a <failure> lists before "and N more". */
const MAX_LISTED = 20;

/** XML 1.0 forbids most control characters even escaped; they become U+FFFD. */
export function xmlText(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex -- matching the control characters XML 1.0 forbids is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const attr = (name: string, value: string | number) => `${name}="${xmlText(String(value))}"`;

type Outcome = 'passed' | 'failure' | 'error' | 'skipped';

export const JUNIT_OUTCOME: Record<ItemVerdict, Outcome> = {
  MET: 'passed',
  NOT_MET: 'failure',
  NOT_APPLICABLE: 'skipped',
  UNKNOWN: 'error',
  NEEDS_EVIDENCE: 'error',
};

function details(item: ReportItem): string {
  const lines = [item.reason];
  const listed = item.attention.filter((f) => (item.verdict === 'NOT_MET' ? f.status === 'FAIL' : f.status !== 'PASS'));
  for (const f of listed.slice(0, MAX_LISTED)) {
    lines.push(`${f.status} ${f.checkId} ${f.accountId}/${f.region ?? 'global'} ${f.resourceId}: ${f.message}`);
  }
  if (listed.length > MAX_LISTED) lines.push(`... and ${listed.length - MAX_LISTED} more (see the findings in the CSV, XLSX or JSON report)`);
  return lines.join('\n');
}

function testCase(item: ReportItem, classname: string): string {
  const open = `    <testcase ${attr('name', `${item.itemId}: ${item.title}`)} ${attr('classname', classname)} time="0"`;
  switch (JUNIT_OUTCOME[item.verdict]) {
    case 'passed':
      return `${open}/>`;
    case 'skipped':
      return `${open}>\n      <skipped ${attr('message', item.reason)}/>\n    </testcase>`;
    case 'failure':
      return `${open}>\n      <failure ${attr('message', item.reason)} ${attr('type', item.verdict)}>${xmlText(details(item))}</failure>\n    </testcase>`;
    case 'error':
      return `${open}>\n      <error ${attr('message', item.reason)} ${attr('type', item.verdict)}>${xmlText(details(item))}</error>\n    </testcase>`;
  }
}

/** `2026-03-01T10:00:00.000Z` -> `2026-03-01T10:00:00` (the schema's timestamp has no zone). */
function junitTimestamp(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '1970-01-01T00:00:00' : d.toISOString().slice(0, 19);
}

export function renderJunit(model: ReportModel): string {
  const timestamp = junitTimestamp(model.scope.scanFinishedAt);
  const suites = model.sections.filter((s) => s.kind === 'checklist' && s.items.length > 0);
  const count = (items: readonly ReportItem[], outcome: Outcome) => items.filter((i) => JUNIT_OUTCOME[i.verdict] === outcome).length;
  const allItems = suites.flatMap((s) => s.items);
  const properties = [
    ['framework', `${model.framework.id} ${model.framework.version}`],
    ['checklistVersion', model.framework.checklistVersion],
    ['deliveryCategory', model.deliveryCategory],
    ['scope', model.scope.name ?? ''],
    ['accounts', model.scope.accounts.join(' ')],
    ['tool', `${model.tool.name} ${model.tool.version}`],
  ]
    .map(([name, value]) => `      <property ${attr('name', name ?? '')} ${attr('value', value ?? '')}/>`)
    .join('\n');
  const body = suites.map((section, index) => {
    const classname = `${model.framework.id}.${section.id}`;
    return [
      `  <testsuite ${attr('name', `${section.area}: ${section.checklistTitle}`)} ${attr('id', index)} ${attr('package', model.framework.id)} hostname="ftr-ready" ${attr('timestamp', timestamp)} ${attr('tests', section.items.length)} ${attr('failures', count(section.items, 'failure'))} ${attr('errors', count(section.items, 'error'))} ${attr('skipped', count(section.items, 'skipped'))} time="0">`,
      `    <properties>\n${properties}\n    </properties>`,
      ...section.items.map((item) => testCase(item, classname)),
      '    <system-out/>',
      '    <system-err/>',
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attr('name', `ftr-ready: ${model.framework.title} (${model.framework.checklistVersion})`)} ${attr('tests', allItems.length)} ${attr('failures', count(allItems, 'failure'))} ${attr('errors', count(allItems, 'error'))} ${attr('skipped', count(allItems, 'skipped'))} time="0">`,
    ...body,
    '</testsuites>',
    '',
  ].join('\n');
}
