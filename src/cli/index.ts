#!/usr/bin/env node
/** The `ftr` binary: runs the CLI (main.ts) and exits with its code. */
import { EXIT } from '../core/errors.js';
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exitCode = EXIT.internal;
  },
);
