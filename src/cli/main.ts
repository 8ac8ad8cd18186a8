/**
 * The ftr command line. This file only declares commands and maps errors to exit codes; each command's
 * work lives in src/cli/commands/. index.ts (the `ftr` binary) runs `main` and sets the exit code.
 *
 * Exit codes (README.md has the table; test/e2e/exit-codes.e2e.test.ts produces each one):
 *   0 done · 1 a FAIL at or above --fail-on · 2 bad usage or input · 3 credentials · 4 scan incomplete ·
 *   5 AWS endpoint unreachable · 6 a requested report was skipped (PDF without Chromium) ·
 *   70 internal error (a bug) · 130 interrupted.
 */
import { Command, CommanderError, Option } from 'commander';
import { CredentialsError, EndpointUnreachableError, EXIT, UserError } from '../core/errors.js';
import { TOOL_VERSION } from '../version.js';
import { parseSeverity } from './fail-on.js';
import { registerUsersCommand } from './commands/users.js';
import { recordDbOption, registerStoreCommands } from './store-commands.js';
import {
  DEFAULT_DELIVERY,
  DEFAULT_FRAMEWORK,
  DEFAULT_OUT,
  DEFAULT_SCAN_CONCURRENCY,
  DEFAULT_SCAN_MAX_ATTEMPTS,
  DEFAULT_SCAN_PER_ACCOUNT_CONCURRENCY,
  DEFAULT_SCAN_ROLE_NAME,
  DEMO_OUT,
  parseDelivery,
  parseList,
  parsePositiveInt,
  parseScanFlags,
  resolveFramework,
} from './options.js';

// Start-up: every command module (and through it the AWS SDK, exceljs, playwright-core, hono, the store) is
// imported inside its action, so `ftr --help` and each command load only what they use (issue 10, ask 5;
// src/cli/lazy-loading.test.ts keeps it so).
/** Tagged PDFs cost time and size (docs/decisions/0014): asked for, not the default. */
/** The PDF's two options, on every command that can print one (scan, evaluate, demo, report, serve). */
const chromiumOption = (what = 'PDF') => new Option('--chromium <path>', `Chromium executable for ${what} (default: FTR_CHROMIUM, then PATH)`);
const accessiblePdfOption = () => new Option('--accessible-pdf', 'tagged PDF for screen readers (structure tags; slower on large reports, about 3x the file size)');
const reportFormats = async (value: string): Promise<string> => (await import('../report/render.js')).parseFormats(value).join(',');

interface CommonOptions {
  framework: string;
  delivery: string;
}

const frameworkOption = () => new Option('--framework <id>', 'framework catalog to evaluate (see `ftr frameworks`)').default(DEFAULT_FRAMEWORK);
const attestationOptions = (command: Command) =>
  command
    .option('--attestations <file>', 'attestations file (default: ftr-attestations.yaml found next to the snapshot or in --out, then in the current folder)')
    .option('--no-attestations', 'use no attestations file, even if one is found')
    .option('--scope <file>', 'scope file: evaluate per workload scope / competency case study')
    .option('--scope-name <name>', 'with --scope: only this scope')
    .option('--evidence-root <dir>', 'also accept attestation evidence files inside this folder (default: only the attestations file’s folder)')
    .option('--fail-on <severity>', 'exit 1 when a FAIL of this severity or worse remains: critical, high, medium, low, info');

const deliveryOption = () =>
  new Option('--delivery <category>', 'delivery category: multi-tenant-saas, single-tenant-saas, managed-service, customer-deployed').default(
    DEFAULT_DELIVERY,
  );

export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('ftr')
    .description('Read-only readiness scanner for the AWS Foundational Technical Review (FTR) and AWS Competency validations.')
    .version(TOOL_VERSION)
    .showHelpAfterError()
    .exitOverride();

  const scan = program
    .command('scan')
    .description('scan one AWS account (default credentials) or a whole Organization, then evaluate it')
    .option('--org', 'scan every active account of the Organization (run from the management account or a delegated admin)', false)
    .option('--role-name <name>', 'role to assume in member accounts with --org', DEFAULT_SCAN_ROLE_NAME)
    .option('--external-id <id>', 'external id required by the member-account role')
    .option('--profile <name>', 'AWS shared-config profile for the starting credentials')
    .option('--regions <list>', 'comma-separated regions to scan (default: every enabled region)')
    .option('--deep-regions', "read every region's resources, also where AWS Config counts none (default: such regions get their posture read only)", false)
    .option('--accounts <list>', 'with --org: only these account ids')
    .addOption(frameworkOption())
    .addOption(deliveryOption())
    .option('--out <dir>', 'output folder', DEFAULT_OUT)
    .option('--resume <dir>', 'finish an interrupted scan in <dir> (its --out): collect only the accounts without a complete shard in its snapshot.json.gz, then evaluate')
    .option('--concurrency <n>', 'AWS requests in flight at once across the scan', String(DEFAULT_SCAN_CONCURRENCY))
    .option('--per-account-concurrency <n>', 'AWS requests in flight at once against one account (AWS throttles per account)', String(DEFAULT_SCAN_PER_ACCOUNT_CONCURRENCY))
    .option('--max-attempts <n>', 'attempts per request (standard retry; retries share one budget per scan)', String(DEFAULT_SCAN_MAX_ATTEMPTS))
    .option('--queue <postgres-url>', 'with --org: send one unit per account to the queue in this PostgreSQL database and wait for `ftr worker` processes to collect them (default FTR_QUEUE)')
    .option('--unit-timeout <seconds>', 'with --queue: a unit not finished in this time (its worker died) is retried', '900')
    .option('--workers <n>', 'worker threads the accounts of an --org scan are spread over, each with its share of --concurrency (default: one per CPU core; one account always runs in one thread)')
    .option('--format <list>', 'also write reports: html,pdf,xlsx,md,csv,json,ocsf,asff,junit')
    .addOption(chromiumOption())
    .addOption(accessiblePdfOption())
    .addOption(recordDbOption());
  attestationOptions(scan).action(async (o: CommonOptions & Record<string, string | boolean | undefined>) => {
      const { scanCommand } = await import('./commands/scan.js');
      setExitCode(
        await scanCommand({
          ...parseScanFlags({
            org: o.org === true,
            roleName: String(o.roleName),
            externalId: typeof o.externalId === 'string' ? o.externalId : undefined,
            profile: typeof o.profile === 'string' ? o.profile : undefined,
            regions: typeof o.regions === 'string' ? o.regions : undefined,
            accounts: typeof o.accounts === 'string' ? o.accounts : undefined,
            deepRegions: o.deepRegions === true,
            framework: o.framework,
            delivery: o.delivery,
            concurrency: String(o.concurrency),
            perAccountConcurrency: String(o.perAccountConcurrency),
            maxAttempts: String(o.maxAttempts),
            workers: typeof o.workers === 'string' ? o.workers : undefined,
          }),
          out: typeof o.resume === 'string' ? o.resume : String(o.out),
          resume: typeof o.resume === 'string',
          queue: typeof o.queue === 'string' ? o.queue : process.env.FTR_QUEUE || undefined,
          unitTimeoutSeconds: parsePositiveInt('--unit-timeout', String(o.unitTimeout)),
          // Parsed here so a mistyped format fails before a long scan, not after it.
          formats: typeof o.format === 'string' ? await reportFormats(o.format) : undefined,
          chromiumPath: typeof o.chromium === 'string' ? o.chromium : undefined,
          accessiblePdf: o.accessiblePdf === true,
          attestationsFile: typeof o.attestations === 'string' ? o.attestations : o.attestations === false ? false : undefined,
          scopeFile: typeof o.scope === 'string' ? o.scope : undefined,
          scopeName: typeof o.scopeName === 'string' ? o.scopeName : undefined,
          evidenceRoots: typeof o.evidenceRoot === 'string' ? [o.evidenceRoot] : undefined,
          failOn: typeof o.failOn === 'string' ? parseSeverity(o.failOn) : undefined,
          db: o.db,
        }),
      );
    });

  const evaluateCmd = program
    .command('evaluate')
    .description('evaluate a snapshot offline (no AWS access) and write assessment.json')
    .argument('<snapshot>', 'snapshot.json.gz written by `ftr scan`')
    .addOption(frameworkOption())
    .addOption(deliveryOption())
    .option('--out <dir>', 'output folder', DEFAULT_OUT)
    .option('--format <list>', 'also write reports: html,pdf,xlsx,md,csv,json,ocsf,asff,junit')
    .addOption(chromiumOption())
    .addOption(accessiblePdfOption())
    .addOption(recordDbOption());
  attestationOptions(evaluateCmd).action(
    async (
      snapshotPath: string,
      o: CommonOptions & {
        out?: string;
        format?: string;
        chromium?: string;
        accessiblePdf?: boolean;
        attestations?: string | false;
        scope?: string;
        scopeName?: string;
        evidenceRoot?: string;
        failOn?: string;
        db?: string | boolean;
      },
    ) => {
      const { evaluateCommand } = await import('./commands/evaluate.js');
      setExitCode(
        await evaluateCommand({
          snapshotPath,
          framework: resolveFramework(o.framework),
          delivery: parseDelivery(o.delivery),
          out: o.out,
          attestationsFile: o.attestations,
          scopeFile: o.scope,
          scopeName: o.scopeName,
          evidenceRoots: o.evidenceRoot !== undefined ? [o.evidenceRoot] : undefined,
          formats: o.format !== undefined ? await reportFormats(o.format) : undefined,
          chromiumPath: o.chromium,
          accessiblePdf: o.accessiblePdf === true,
          failOn: o.failOn !== undefined ? parseSeverity(o.failOn) : undefined,
          db: o.db,
        }),
      );
    },
  );

  program
    .command('demo')
    .description('evaluate the bundled sample scan: no AWS credentials needed')
    .addOption(frameworkOption())
    .addOption(deliveryOption())
    .option('--out <dir>', 'output folder (its own, so the sample never overwrites a real scan in ./ftr-out)', DEMO_OUT)
    .option('--format <list>', 'also write reports: html,pdf,xlsx,md,csv,json,ocsf,asff,junit')
    .addOption(chromiumOption())
    .addOption(accessiblePdfOption())
    .action(async (o: CommonOptions & { out?: string; format?: string; chromium?: string; accessiblePdf?: boolean }) => {
      const { demoCommand } = await import('./commands/demo.js');
      setExitCode(
        await demoCommand({
          framework: resolveFramework(o.framework),
          delivery: parseDelivery(o.delivery),
          out: o.out,
          formats: o.format !== undefined ? await reportFormats(o.format) : undefined,
          chromiumPath: o.chromium,
          accessiblePdf: o.accessiblePdf === true,
        }),
      );
    });

  const attest = program.command('attest').description('answer the items no API can prove (ftr-attestations.yaml)');
  attest
    .command('init')
    .description('write a starter attestations file with every manual item of the catalog')
    .addOption(frameworkOption())
    .addOption(deliveryOption())
    .option('--scope-name <name>', 'the scope (case study) this file answers for')
    .option('--out <file>', 'file to write', 'ftr-attestations.yaml')
    .option('--force', 'overwrite an existing file', false)
    .action(async (o: CommonOptions & { scopeName?: string; out: string; force: boolean }) => {
      const { attestInit } = await import('./commands/attest.js');
      const result = attestInit({ frameworkId: o.framework, delivery: o.delivery, scopeName: o.scopeName ?? null, outFile: o.out, force: o.force });
      process.stdout.write(`${result.message}\n`);
    });
  attest
    .command('hash')
    .description('print the sha256 line to record for a local evidence file')
    .argument('<file>')
    .action(async (file: string) => {
      const { attestHash } = await import('./commands/attest.js');
      process.stdout.write(`${attestHash(file)}\n`);
    });

  program
    .command('report')
    .description('render an assessment as html, pdf, xlsx, md, csv and/or json')
    .argument('<assessment>', 'assessment.json written by `ftr scan` or `ftr evaluate`')
    .option('--format <list>', 'formats: html,pdf,xlsx,md,csv,json,ocsf,asff,junit (default: the six report formats; the PDF only when Chromium is found)')
    .option('--out <dir>', 'output folder', DEFAULT_OUT)
    .option('--compare <old.json>', 'a previous assessment: adds "changes since the previous assessment"')
    .option('--case-study <files...>', 'assessments of the other case studies of the same competency checklist')
    .addOption(chromiumOption())
    .addOption(accessiblePdfOption())
    .action(async (assessmentPath: string, o: { format?: string; out?: string; compare?: string; caseStudy?: string[]; chromium?: string; accessiblePdf?: boolean }) => {
      const { reportCommand } = await import('./commands/report-command.js');
      setExitCode(
        await reportCommand({
          assessmentPath,
          formats: o.format,
          out: o.out,
          compare: o.compare,
          caseStudies: o.caseStudy ?? [],
          chromiumPath: o.chromium,
          accessiblePdf: o.accessiblePdf === true,
        }),
      );
    });

  program
    .command('worker')
    .description('collect account units of queued scans (`ftr scan --org --queue`) with this machine\'s credentials, until Ctrl-C')
    .option('--db <postgres-url>', 'the PostgreSQL database of the queue and its shards (default FTR_DB)')
    .option('--units <n>', 'units collected at once by this process', '2')
    .option('--profile <name>', 'AWS shared-config profile for this worker\'s starting credentials')
    .option('--external-id <id>', 'external id for member roles that need one (default FTR_EXTERNAL_ID; never sent through the queue)')
    .action(async (o: Record<string, string | undefined>) => {
      const { workerCommand } = await import('./commands/worker.js');
      setExitCode(
        await workerCommand({
          db: o.db,
          units: parsePositiveInt('--units', String(o.units)),
          profile: o.profile,
          externalId: o.externalId,
        }),
      );
    });

  program
    .command('doctor')
    .description('before a scan: what it will not be able to see (credentials, Organization, member roles, regions, denials, costs, Support) and how to fix it')
    .option('--org', 'check every active account of the Organization, as `ftr scan --org` would', false)
    .option('--role-name <name>', 'role to assume in member accounts with --org', DEFAULT_SCAN_ROLE_NAME)
    .option('--external-id <id>', 'external id required by the member-account role')
    .option('--profile <name>', 'AWS shared-config profile for the starting credentials')
    .option('--regions <list>', 'comma-separated regions the scan will cover (default: every enabled region)')
    .addOption(frameworkOption())
    .option('--concurrency <n>', 'accounts probed at once', '16')
    .option('--json', 'print the result as JSON', false)
    .action(async (o: Record<string, string | boolean | undefined> & { framework: string }) => {
      const { doctorCommand } = await import('./commands/doctor.js');
      setExitCode(
        await doctorCommand({
          org: o.org === true,
          roleName: String(o.roleName),
          externalId: typeof o.externalId === 'string' ? o.externalId : undefined,
          profile: typeof o.profile === 'string' ? o.profile : undefined,
          regions: typeof o.regions === 'string' ? parseList(o.regions) : undefined,
          framework: resolveFramework(o.framework),
          concurrency: parsePositiveInt('--concurrency', String(o.concurrency)),
          json: o.json === true,
        }),
      );
    });

  program
    .command('permissions')
    .description("print the scanner's IAM policy or the templates that create its roles (read-only, from the declared reads)")
    .requiredOption('--format <format>', 'iam-policy | cloudformation (member role) | stackset (whole Organization) | terraform')
    .option('--role-name <name>', 'member-account role the scanner assumes', 'FtrReadOnly')
    .option('--trusted-account <id>', 'account ftr scan runs in (default: a template parameter; stackset: the management account)')
    .option('--external-id <id>', 'sts:ExternalId the role requires (default: a template parameter)')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (o: { format: string; roleName: string; trustedAccount?: string; externalId?: string; out?: string }) => {
      const { permissionsCommand } = await import('./commands/permissions.js');
      setExitCode(
        await permissionsCommand({ format: o.format, roleName: o.roleName, trustedAccountId: o.trustedAccount, externalId: o.externalId, out: o.out }),
      );
    });

  registerStoreCommands(program, attest, setExitCode);
  registerUsersCommand(program, setExitCode);

  program
    .command('serve')
    .description('the workspace dashboard on http://127.0.0.1:8080 (an empty store first gets the bundled sample)')
    .option('--host <address>', 'address to listen on; anything but loopback turns team mode on (sign-in required)', '127.0.0.1')
    .option('--team', 'team mode on loopback too: sign-in (local accounts, OIDC from FTR_OIDC_*), roles, CSRF tokens')
    .option('--secure-cookies', 'team mode served over TLS (directly or by a reverse proxy): Secure cookies')
    .option('--trust-proxy', 'team mode behind a reverse proxy: trust X-Forwarded-For / -Proto / -Host')
    .option('--port <n>', 'port (0: any free port)', '8080')
    .option('--db <location>', 'workspace store: a SQLite file or postgres://... (default: $FTR_DB, else ~/.local/share/ftr-ready/ftr.db)')
    .option('--no-sample', 'do not record the bundled sample into an empty store')
    .addOption(chromiumOption('the PDF export'))
    .addOption(accessiblePdfOption())
    .action(async (o: { host: string; port: string; db?: string; sample: boolean; chromium?: string; accessiblePdf?: boolean; team?: boolean; secureCookies?: boolean; trustProxy?: boolean }) => {
      const { serveCommand } = await import('./commands/serve.js');
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UserError(`--port must be a port number from 0 to 65535 (got "${o.port}").`);
      setExitCode(
        await serveCommand({
          host: o.host,
          port,
          db: o.db,
          noSample: !o.sample,
          chromiumPath: o.chromium,
          accessiblePdf: o.accessiblePdf === true,
          team: o.team === true,
          secureCookies: o.secureCookies === true,
          trustProxy: o.trustProxy === true,
        }),
      );
    });

  program
    .command('frameworks')
    .description('list the framework catalogs, their versions and item counts')
    .action(async () => {
      const { formatFrameworkList } = await import('./commands/frameworks.js');
      process.stdout.write(`${formatFrameworkList()}\n`);
    });

  return program;
}

/** Runs the CLI and returns its exit code; `build` is replaceable so a test can reach every code. */
export async function main(argv: readonly string[], build: typeof buildProgram = buildProgram): Promise<number> {
  // The SDK warns that its 2027 releases need Node 22; our lockfile pins releases that support Node 20.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  let exitCode: number = EXIT.ok;
  const program = build((code) => (exitCode = code));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage errors were already printed.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof UserError || err instanceof CredentialsError || err instanceof EndpointUnreachableError) {
      process.stderr.write(`\nError: ${err.message}\n`);
      return err.exitCode;
    }
    // Matched by name: importing their modules here would load playwright-core and every renderer at start-up.
    if (err instanceof Error && (err.name === 'UnknownFormatError' || err.name === 'ChromiumNotFoundError')) {
      process.stderr.write(`\nError: ${err.message}\n`);
      return EXIT.usage;
    }
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`\nInternal error (a bug in ftr-ready ${TOOL_VERSION}; please report it with this output):\n${detail}\n`);
    return EXIT.internal;
  }
}
