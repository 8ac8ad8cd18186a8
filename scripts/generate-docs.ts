/** Regenerates docs/checks.md and policies/ftr-scanner-policy.json from the code (npm run docs:generate). */
import { writeFileSync } from 'node:fs';
import { renderChecksDoc } from '../src/docs/checks-doc.js';
import { scannerPolicyDocument } from '../src/docs/scanner-policy.js';

writeFileSync('docs/checks.md', renderChecksDoc());
writeFileSync('policies/ftr-scanner-policy.json', `${JSON.stringify(scannerPolicyDocument(), null, 2)}\n`);
process.stdout.write('Wrote docs/checks.md and policies/ftr-scanner-policy.json\n');
