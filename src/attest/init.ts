/**
 * `ftr attest init`: a starter ftr-attestations.yaml for one catalog, delivery category and scope. It lists
 * the gating questions first, then every manual or partial item that applies to the delivery category,
 * each with the question in plain words and the evidence the reviewer expects as comments, and empty
 * fields to fill in. The output parses back with parseAttestations (every entry unanswered).
 */
import { DELIVERY_CATEGORIES, type DeliveryCategory, type Framework, type FrameworkItem } from '../core/framework.js';
import { itemExpiryMonths } from './expiry.js';

export interface StarterOptions {
  readonly delivery: DeliveryCategory;
  readonly scopeName?: string | null;
}

/** The items a starter file lists: manual/partial, present in the source, applicable to the delivery category. */
export function starterItems(framework: Framework, delivery: DeliveryCategory): FrameworkItem[] {
  return framework.items.filter(
    (item) => item.automation !== 'auto' && !item.notPresentInSource && item.appliesTo.includes(delivery),
  );
}

const WIDTH = 100;

/** Comment lines, wrapped at WIDTH, with control characters flattened. */
function comment(text: string, indent: string, hanging = ''): string[] {
  const words = text.replace(/[\r\n\t]+/g, ' ').split(' ').filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const prefix = lines.length === 0 ? '' : hanging;
    if (line !== '' && indent.length + 2 + prefix.length + line.length + 1 + word.length > WIDTH) {
      lines.push(prefix + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push((lines.length === 0 ? '' : hanging) + line);
  return lines.map((l) => `${indent}# ${l}`);
}

/** A double-quoted YAML scalar (JSON strings are valid YAML). */
function q(value: string): string {
  return JSON.stringify(value);
}

function evidenceLines(item: FrameworkItem, indent: string): string[] {
  if (item.evidence.length === 0) return [`${indent}# Evidence: a short justification is enough unless the reviewer asks for more.`];
  const out = [`${indent}# Evidence the reviewer expects:`];
  for (const e of item.evidence) {
    const fresh = e.expiresAfterMonths === undefined ? '' : `; within the last ${e.expiresAfterMonths} months`;
    out.push(...comment(`- ${e.prompt} [${e.accepts.join(', ')}${fresh}]`, indent, '  '));
  }
  return out;
}

export function renderStarterFile(framework: Framework, options: StarterOptions): string {
  const { delivery } = options;
  const scope = options.scopeName ?? '';
  const items = starterItems(framework, delivery);
  const sections = new Map(framework.sections.map((s) => [s.id, s.title]));
  const out: string[] = [
    `# ftr-ready attestations: ${framework.title} (checklist ${framework.checklistVersion}, catalog ${framework.version})`,
    `# Delivery category: ${delivery}${scope ? `. Scope: ${scope}` : ''}. Keep this file in git next to the scan.`,
    '#',
    '# For each entry, fill in:',
    '#   answer         yes | no | not-applicable   (an empty answer means "not answered yet")',
    '#   justification  why, in one or two sentences',
    '#   owner          who answers for it (name or email)',
    '#   date           YYYY-MM-DD: when the evidenced event happened (rehearsal, publication, test),',
    '#                  or when you answered. Items with a freshness rule expire that many months later.',
    '#   reviewer       optional: who reviewed the answer',
    '#   evidence       a list of "- url: https://..." or "- file: path/relative/to/this/file" entries;',
    '#                  files need "sha256: <hex>" (ftr-ready prints the value to record if it is missing).',
    '#   expires        optional YYYY-MM-DD, to make an answer expire earlier than its rule.',
    '# An attestation never overrides a failing automated check. See docs/attestations.md.',
    '',
    'version: "1"',
    `framework: ${q(framework.id)}`,
    `delivery: ${q(delivery)}`,
    `scope: ${q(scope)}`,
    '',
  ];

  if (framework.gatingQuestions.length === 0) {
    out.push('gating: {}', '');
  } else {
    out.push('# Gating questions: answer these first. "no" makes the items they gate not applicable.', 'gating:');
    for (const g of framework.gatingQuestions) {
      out.push(...comment(`${g.id}: ${g.question}`, '  '));
      if (g.gates.length > 0) out.push(...comment(`If "no": ${g.gates.join(', ')} do not apply.`, '  '));
      out.push(`  ${q(g.id)}:`, '    answer: ""        # yes | no', '    justification: ""', '    owner: ""', '    date: ""          # YYYY-MM-DD', '');
    }
  }

  if (items.length === 0) {
    out.push('items: {}', '');
  } else {
    out.push(`# ${items.length} manual or partial item(s) that apply to ${delivery}.`, 'items:');
    let section = '';
    for (const item of items) {
      if (item.section !== section) {
        section = item.section;
        out.push(`  # ---- ${section} ${sections.get(section) ?? ''}`.trimEnd());
      }
      const gate = framework.gatingQuestions.find((g) => g.id === item.gatedBy || g.gates.includes(item.id));
      out.push(...comment(`${item.id} ${item.title} (${item.automation}${item.checks.length > 0 ? `; automated part: ${item.checks.map((c) => `${c.id} (${c.role})`).join(', ')}` : ''})`, '  '));
      out.push(...comment(`Question: ${item.requirement}`, '  ', '  '));
      for (const sub of item.subQuestions ?? []) out.push(...comment(`${sub.id}: ${sub.text}`, '  ', '  '));
      for (const [n, a] of (item.alternatives ?? []).entries()) out.push(...comment(`Accepted way ${n + 1}: ${a.way}: ${a.how}`, '  ', '  '));
      out.push(...evidenceLines(item, '  '));
      const months = itemExpiryMonths(item);
      if (months !== null) out.push(`  # Expires ${months} months after "date".`);
      if (gate) out.push(`  # Not applicable if ${gate.id} is answered "no".`);
      out.push(
        `  ${q(item.id)}:`,
        '    answer: ""        # yes | no | not-applicable',
        '    justification: ""',
        '    owner: ""',
        '    date: ""          # YYYY-MM-DD',
        '    reviewer: ""',
        '    evidence: []',
        '',
      );
    }
  }

  out.push(
    '# Accepted risks for individual findings. Each needs a justification and an expiry; a suppressed FAIL',
    '# still counts as FAIL, and its item needs an attestation to be met. Example:',
    '#   - checkId: s3_bucket_public_access',
    '#     account: "111111111111"',
    '#     resourceId: public-website-bucket',
    '#     region: eu-west-1            # optional',
    '#     justification: Static website, reviewed by security on 2025-05-01',
    '#     owner: security@example.com',
    '#     expires: 2026-05-01',
    'suppressions: []',
    '',
  );
  return out.join('\n');
}

export function isDeliveryCategory(value: string): value is DeliveryCategory {
  return (DELIVERY_CATEGORIES as readonly string[]).includes(value);
}
