/** Regenerates docs/checks.md, docs/verdicts.md and policies/ftr-scanner-policy.json from the code (npm run docs:generate). */
import { writeFileSync } from 'node:fs';
import { renderChecksDoc } from '../src/docs/checks-doc.js';
import { scannerPolicyDocument } from '../src/docs/scanner-policy.js';
import { renderVerdictsDoc } from '../src/docs/verdicts-doc.js';

writeFileSync('docs/checks.md', renderChecksDoc());
writeFileSync('docs/verdicts.md', renderVerdictsDoc());
writeFileSync('policies/ftr-scanner-policy.json', `${JSON.stringify(scannerPolicyDocument(), null, 2)}\n`);
process.stdout.write('Wrote docs/checks.md, docs/verdicts.md and policies/ftr-scanner-policy.json\n');
