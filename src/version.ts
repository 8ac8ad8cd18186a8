import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = require('../package.json') as { version: string };

/** The ftr-ready version, recorded in every snapshot and assessment. */
export const TOOL_VERSION: string = pkg.version;
