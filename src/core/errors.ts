/**
 * Errors that reach the user. The CLI's single top-level catch maps them to exit codes; AWS failures
 * inside a scan are not exceptions but CollectionError values in the snapshot.
 */

/** Bad flag, bad input file, unknown framework or region: the message says what to fix. Exit 2. */
export class UserError extends Error {
  readonly exitCode: number = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** No usable AWS credentials (missing, expired, invalid). Exit 3. */
export class CredentialsError extends Error {
  readonly exitCode: number = 3;
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsError';
  }
}

export const EXIT = {
  ok: 0,
  failingFindings: 1,
  usage: 2,
  credentials: 3,
  incomplete: 4,
  internal: 70,
  interrupted: 130,
} as const;
