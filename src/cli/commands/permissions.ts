/**
 * `ftr permissions --format iam-policy|cloudformation|stackset|terraform`: prints (or writes to --out) the
 * scanner's IAM policy or the templates that create its roles, all generated from the collectors' declared
 * reads. Next steps go to stderr so stdout can be redirected into a file as is.
 */
import { randomBytes } from 'node:crypto';
import { lstat, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { EXIT, UserError } from '../../core/errors.js';
import { parsePermissionsFormat, validatePermissionsOptions } from '../../permissions/options.js';
import { renderPermissions } from '../../permissions/render-permissions.js';

export interface PermissionsCommandOptions {
  readonly format: string;
  readonly roleName?: string | undefined;
  readonly trustedAccountId?: string | undefined;
  readonly externalId?: string | undefined;
  readonly out?: string | undefined;
}

export async function permissionsCommand(
  options: PermissionsCommandOptions,
  io: { stdout: (text: string) => void; stderr: (text: string) => void } = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  },
): Promise<number> {
  const format = parsePermissionsFormat(options.format);
  const validated = validatePermissionsOptions(options);
  const rendered = renderPermissions(format, validated);
  if (options.out) {
    await writeNewFile(options.out, rendered.text);
    io.stderr(`Wrote ${options.out}\n`);
  } else {
    io.stdout(rendered.text);
  }
  io.stderr(`${rendered.nextSteps.join('\n')}\n`);
  return EXIT.ok;
}

/** Writes through a temporary file and a rename, never through a symlink at the destination. */
async function writeNewFile(path: string, text: string): Promise<void> {
  const existing = await lstat(path).catch(() => null);
  if (existing?.isSymbolicLink()) throw new UserError(`--out ${path} is a symbolic link; name a regular file.`);
  if (existing && !existing.isFile()) throw new UserError(`--out ${path} exists and is not a regular file.`);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { flag: 'wx', mode: 0o644 });
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new UserError(`Could not write --out ${path} (${code}).`);
  }
}
