/**
 * Queued scans (docs/decisions/0011): `ftr scan --org --queue postgres://...` against a small moto
 * Organization (three accounts, one region) with its own PostgreSQL server. A first `ftr worker` is killed
 * (SIGKILL) while it collects a unit; a second worker finishes the scan. Every account must end with
 * exactly one shard in the store, the killed unit must have been retried, and the coordinator must write a
 * complete snapshot and assessment. Skipped, with the reason printed, when PostgreSQL is not installed.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/core/snapshot.js';
import { readSnapshot } from '../../src/io/snapshot-file.js';
import { MOTO_CREDENTIALS, motoEnv, startMoto, type MotoServer } from '../helpers/moto-server.js';
import { findPostgres, startPostgres, type PostgresServer } from '../helpers/postgres-server.js';
import { runCli, type CliResult } from './cli-runner.js';

const found = findPostgres();
if (!found.ok) process.stderr.write(`[queue-workers e2e] skipped: ${found.reason}\n`);

const ROLE = 'OrganizationAccountAccessRole';

describe.skipIf(!found.ok)('ftr scan --org --queue with two workers, one killed mid-unit', () => {
  let server: PostgresServer | undefined;
  let moto: MotoServer | undefined;
  let url = '';
  let dir = '';
  let accountIds: string[] = [];
  let scan: CliResult;
  let killedWhile = '';
  let killedPid = 0;
  let survivor: CliResult | undefined;
  let snapshot: Snapshot | undefined;

  beforeAll(async () => {
    if (!found.ok) return;
    [server, moto] = await Promise.all([startPostgres(found.binaries), startMoto()]);
    url = await server.createDatabase();
    await moto.reset();
    const orgs = new OrganizationsClient({ endpoint: moto.endpoint, region: 'us-east-1', credentials: MOTO_CREDENTIALS });
    const created = await orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const members: string[] = [];
    for (const name of ['queue-a', 'queue-b']) {
      members.push((await orgs.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }))).CreateAccountStatus?.AccountId ?? '');
    }
    accountIds = [created.Organization?.MasterAccountId ?? '', ...members].sort();
    dir = await mkdtemp(join(tmpdir(), 'ftr-e2e-queue-'));
    const env = motoEnv(moto.endpoint);

    // The coordinator enqueues three units and waits; a unit not finished in 15 s is presumed dead and retried.
    // (6 s was too short on a loaded machine: a live worker's unit outlived it on every attempt and the unit
    // ran out of retries; the killed unit waits the timeout once, so a longer one costs only its difference.)
    const coordinator = runCli(['scan', '--org', '--role-name', ROLE, '--regions', 'us-east-1', '--out', dir, '--max-attempts', '2', '--queue', url, '--unit-timeout', '15'], { env });

    // Worker 1 is killed outright (no chance to hand its unit back) as soon as it starts collecting.
    const firstDone = runCli(['worker', '--db', url, '--units', '1'], {
      env,
      onSpawn: (child) => {
        child.stderr?.on('data', (chunk: Buffer) => {
          const claimed = /account (\d{12}): collecting/.exec(chunk.toString('utf8'));
          if (claimed && !killedWhile) {
            killedWhile = claimed[1] ?? '?';
            killedPid = child.pid ?? 0;
            child.kill('SIGKILL');
          }
        });
      },
    });
    await firstDone;

    // Worker 2 does the rest, the killed unit included once it has expired; stopped when the scan is done.
    let second: ChildProcess | undefined;
    const secondDone = runCli(['worker', '--db', url, '--units', '2'], { env, onSpawn: (child) => (second = child) });
    scan = await coordinator;
    second?.kill('SIGTERM');
    survivor = await secondDone;
    snapshot = await readSnapshot(join(dir, 'snapshot.json.gz')).catch(() => undefined);
  }, 600_000);

  afterAll(async () => {
    await Promise.all([moto?.stop(), server?.stop()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const output = () => `scan exit ${String(scan.code)}\n${scan.stderr}\n--- surviving worker\n${survivor?.stderr ?? ''}`;

  it('the first worker was killed while it collected a unit', () => {
    expect(killedWhile).toMatch(/^\d{12}$/);
  });

  it('the scan completes: exit 0, a complete snapshot with every account', () => {
    expect(scan.code, `queued scan: ${output()}`).toBe(0);
    expect(snapshot?.complete, `queued scan: ${output()}`).toBe(true);
    expect(snapshot?.accounts.map((a) => a.accountId).sort()).toEqual(accountIds);
    for (const account of snapshot?.accounts ?? []) expect(account.access.ok, `access to ${account.accountId}`).toBe(true);
    expect(snapshot?.stats?.workers).toBeGreaterThanOrEqual(1);
    expect(scan.stdout + scan.stderr).toMatch(/queue worker/);
  });

  it('the store holds exactly one shard per account, and the killed unit was retried', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const shards = await client.query<{ account_id: string; n: string }>('select account_id, count(*) as n from scan_shards group by account_id order by account_id');
      expect(shards.rows.map((r) => [r.account_id, Number(r.n)])).toEqual(accountIds.map((id) => [id, 1]));
      const killed = await client.query<{ retry_count: number }>(
        `select retry_count from ftr_queue.job where name = 'ftr-scan-units' and data->'account'->>'id' = $1`,
        [killedWhile],
      );
      expect(killed.rows).toHaveLength(1);
      // Expired (its worker was gone) and retried. On a slow machine the retry itself may outlive the
      // 15-second timeout and be retried again: insert-if-absent keeps one shard whoever writes first.
      expect(killed.rows[0]?.retry_count, `queued scan: ${output()}`).toBeGreaterThanOrEqual(1);
      const writer = await client.query<{ worker: string }>('select worker from scan_shards where account_id = $1', [killedWhile]);
      expect(writer.rows[0]?.worker).not.toMatch(new RegExp(`:${killedPid}$`));
      // The scan's row learnt the end of the scan: complete, its accounts, calls and times.
      const row = await client.query<{ complete: number; account_count: number; api_calls: number; started_at: string; finished_at: string }>(
        "select complete, account_count, api_calls, started_at, finished_at from scans where storage = 'shards'",
      );
      expect(row.rows).toHaveLength(1);
      expect(row.rows[0]).toMatchObject({ complete: 1, account_count: accountIds.length, finished_at: snapshot?.finishedAt });
      expect(row.rows[0]?.api_calls).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
  });
});
