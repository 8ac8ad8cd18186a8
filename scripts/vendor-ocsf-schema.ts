/**
 * Copies the OCSF schema source files that the Compliance Finding test needs into schemas/ocsf/<version>/,
 * unchanged, with OCSF's LICENSE (Apache-2.0) and NOTICE. Run against a checkout of github.com/ocsf/ocsf-schema
 * at a release tag:  npx tsx scripts/vendor-ocsf-schema.ts /path/to/ocsf-schema
 * The file list is exactly what test/helpers/ocsf-schema.ts reads to compile the class's JSON Schema.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compileOcsfClassSchema } from '../test/helpers/ocsf-schema.js';
import { OCSF_APPLIED_PROFILES, OCSF_CLASS } from '../src/report/ocsf.js';

const source = process.argv[2];
if (!source) {
  process.stderr.write('usage: npx tsx scripts/vendor-ocsf-schema.ts <ocsf-schema checkout>\n');
  process.exit(2);
}
const compiled = compileOcsfClassSchema(source, OCSF_CLASS.name, OCSF_APPLIED_PROFILES);
const target = join('schemas', 'ocsf', compiled.version);
for (const file of [...compiled.files, 'LICENSE', 'NOTICE']) {
  mkdirSync(dirname(join(target, file)), { recursive: true });
  copyFileSync(join(source, file), join(target, file));
}
process.stdout.write(`Copied ${compiled.files.length + 2} files of OCSF ${compiled.version} into ${target}\n`);
