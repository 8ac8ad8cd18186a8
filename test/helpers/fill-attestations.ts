/** Test helper: fills in a starter attestations file the way a partner would. */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const TODAY = new Date().toISOString().slice(0, 10);

/**
 * Answers every starter entry "yes" with a URL and a hashed file, except `leaveOpen`; gating questions "no"
 * except the first one of a catalog whose gates choose a route (the Alternative: route A taken, B not).
 */
export function fillInAttestations(file: string, leaveOpen: string | undefined, gatesAnsweredYes: readonly string[] = []): void {
  const dir = join(file, '..');
  mkdirSync(join(dir, 'evidence'), { recursive: true });
  const pdf = Buffer.from('%PDF-1.4 evidence');
  writeFileSync(join(dir, 'evidence', 'record.pdf'), pdf);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const answer = (path: string[], value: string) => doc.setIn(path, value);
  const gating = doc.get('gating') as { items?: { key: { value: string } }[] } | undefined;
  for (const pair of gating?.items ?? []) {
    const id = pair.key.value;
    answer(['gating', id, 'answer'], gatesAnsweredYes.includes(id) ? 'yes' : 'no');
    answer(['gating', id, 'justification'], 'The product never does this.');
    answer(['gating', id, 'owner'], 'cto@example.com');
    answer(['gating', id, 'date'], TODAY);
  }
  const items = doc.get('items') as { items?: { key: { value: string } }[] } | undefined;
  for (const pair of items?.items ?? []) {
    const id = pair.key.value;
    if (id === leaveOpen) continue;
    answer(['items', id, 'answer'], 'yes');
    answer(['items', id, 'justification'], 'Documented and reviewed.');
    answer(['items', id, 'owner'], 'compliance@example.com');
    answer(['items', id, 'date'], TODAY);
    doc.setIn(['items', id, 'evidence'], [{ url: 'https://wiki.example.com/evidence' }, { file: 'evidence/record.pdf', sha256 }]);
  }
  writeFileSync(file, doc.toString());
}

