/**
 * Regenerates samples/sample-org.snapshot.json.gz, the bundled scan that `ftr demo` evaluates without AWS
 * credentials: a moto Organization (management + one well and one badly configured member, 2 regions)
 * scanned by the real scanner. Refuses to write a snapshot that contains one of the planted fake secrets.
 *
 *   npm run sample:regenerate      (tsx bench/regenerate-sample.ts)
 */
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { serializeSnapshot, writeSnapshot } from '../src/io/snapshot-file.js';
import { FAKE_SECRETS } from '../test/e2e/seed-organization.js';
import { scanMotoOrganization, startSeededMoto } from './moto-org.js';

const SAMPLE = fileURLToPath(new URL('../samples/sample-org.snapshot.json.gz', import.meta.url));

async function main(): Promise<void> {
  process.stdout.write('Seeding a moto Organization (management + 2 members, 2 regions)...\n');
  const { moto, org } = await startSeededMoto(0);
  try {
    process.stdout.write('Scanning it...\n');
    const snapshot = await scanMotoOrganization(moto.endpoint);
    if (!snapshot.complete) throw new Error(`The scan did not complete (${snapshot.interruption?.reason ?? 'unknown'}); sample not written.`);
    const text = gunzipSync(serializeSnapshot(snapshot, true)).toString('utf8');
    const leaked = Object.entries(FAKE_SECRETS).filter(([, value]) => text.includes(value));
    if (leaked.length > 0) throw new Error(`The snapshot contains planted secret values (${leaked.map(([k]) => k).join(', ')}); sample not written.`);
    await writeSnapshot(SAMPLE, snapshot);
    process.stdout.write(
      `Wrote ${SAMPLE}: ${String(snapshot.accounts.length)} accounts (${org.accountIds.join(', ')}), ` +
        `${String(snapshot.operations.reduce((n, o) => n + o.calls, 0))} API calls, ${String(snapshot.errors.length)} failed reads.\n`,
    );
  } finally {
    await moto.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
