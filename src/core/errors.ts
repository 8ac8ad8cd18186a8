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

/** The AWS endpoint (STS, or AWS_ENDPOINT_URL) could not be reached at all: network, DNS, proxy. Exit 5. */
export class EndpointUnreachableError extends Error {
  readonly exitCode: number = 5;
  constructor(message: string) {
    super(message);
    this.name = 'EndpointUnreachableError';
  }
}

/** Every exit code of the CLI; README.md has the table and test/e2e/exit-codes.e2e.test.ts produces each. */
export const EXIT = {
  ok: 0,
  failingFindings: 1,
  usage: 2,
  credentials: 3,
  incomplete: 4,
  unreachable: 5,
  reportSkipped: 6,
  // `ftr doctor` found at least one FAIL line (what the scan could not see).
  doctorFailed: 7,
  internal: 70,
  interrupted: 130,
} as const;
