/**
 * A dashboard scan job survives a server that is killed (issue 9): the job runner collects in a child
 * process against a small moto Organization (two accounts, one region) and is SIGKILLed once the first
 * account's shard is in its job folder. The next start's recovery (a new ScanJobs on the same store) must
 * record the shards on disk as the job's partial snapshot (complete: false), evaluate it, say "1 of 2
 * accounts kept" and delete the folder; resuming the job then collects only the missing account.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScanToSink } from '../../src/collect/run-collection.js';
import { KILLED_SCAN_REASON, ScanJobs } from '../../src/serve/jobs.js';
import { openStore, type Store } from '../../src/store/db.js';
import { MOTO_CREDENTIALS, motoEnv, startMoto, type MotoServer } from '../helpers/moto-server.js';
import { builtDistIsCurrent, REPO_ROOT } from './cli-runner.js';

const ROLE = 'OrganizationAccountAccessRole';

describe('a dashboard scan job whose server is SIGKILLed', () => {
  let moto: MotoServer | undefined;
  let dir = '';
  let accountIds: string[] = [];
  let jobId = 0;
  let shardAccount = '';
  let childOutput = '';
  let store: Store | undefined;
  let jobs: ScanJobs | undefined;
  const folder = () => join(dir, 'jobs');

  beforeAll(async () => {
    moto = await startMoto();
    await moto.reset();
    const orgs = new OrganizationsClient({ endpoint: moto.endpoint, region: 'us-east-1', credentials: MOTO_CREDENTIALS });
    const created = await orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const members: string[] = [];
    for (const name of ['crash-a']) {
      members.push((await orgs.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }))).CreateAccountStatus?.AccountId ?? '');
    }
    accountIds = [created.Organization?.MasterAccountId ?? '', ...members].sort();
    dir = await mkdtemp(join(tmpdir(), 'ftr-e2e-job-crash-'));
    const env = { ...motoEnv(moto.endpoint), TSX_TSCONFIG_PATH: join(REPO_ROOT, 'tsconfig.json'), FTR_CHILD_DIST: builtDistIsCurrent() ? '1' : '0' };
    const child = spawn(process.execPath, ['--import', join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs'), join(REPO_ROOT, 'test/helpers/scan-job-child.ts'), join(dir, 'ftr.db'), folder(), ROLE], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const safety = setTimeout(() => child.kill('SIGKILL'), 120_000);
    await new Promise<void>((resolve) => {
      const read = (chunk: Buffer) => {
        childOutput += chunk.toString('utf8');
        const job = /^job (\d+)$/m.exec(childOutput);
        const shard = /^shard (\d{12})$/m.exec(childOutput);
        if (job) jobId = Number(job[1]);
        if (shard && !shardAccount) {
          shardAccount = shard[1] ?? '';
          child.kill('SIGKILL');
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('close', () => resolve());
    });
    clearTimeout(safety);
    // The AWS settings of the resume below (this test file runs in its own process).
    Object.assign(process.env, motoEnv(moto.endpoint));
    store = await openStore({ engine: 'sqlite', file: join(dir, 'ftr.db') });
  });

  afterAll(async () => {
    await jobs?.close();
    await store?.close();
    await moto?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('was killed after the first account was written to its job folder', async () => {
    expect({ shardAccount, childOutput }).toMatchObject({ shardAccount: expect.stringMatching(/^\d{12}$/) });
    expect((await store?.scanJobs.get(jobId))?.status).toBe('running');
    const files = readdirSync(join(folder(), String(jobId)));
    expect(files.filter((f) => f.startsWith('.snapshot.json.gz.') && f.endsWith('.tmp'))).toHaveLength(1);
  });

  it('the next start records the partial snapshot as the job’s result and deletes the folder', async () => {
    if (!store) throw new Error('no store');
    // The same few services as the child (test/helpers/scan-job-child.ts), for the resume below.
    jobs = new ScanJobs(store, { folder: folder(), runner: (options, sink) => runScanToSink({ ...options, services: ['iam', 'ec2', 's3'] }, sink) });
    await jobs.recovered();
    const job = await jobs.get(jobId);
    expect(job).toMatchObject({ state: 'interrupted', outcome: 'partial snapshot of 1 of 2 accounts kept', completeAccounts: [shardAccount] });
    const scan = await store.scans.require(job?.scanId ?? 0);
    expect(scan).toMatchObject({ complete: false, interruption: KILLED_SCAN_REASON, accountCount: 1 });
    const snapshot = await store.scans.loadSnapshot(scan.id);
    expect(snapshot.accounts.map((a) => a.accountId)).toEqual([shardAccount]);
    expect(snapshot.accounts[0]?.access.ok).toBe(true);
    expect((await store.assessments.require(job?.assessmentId ?? 0)).snapshotComplete).toBe(false);
    expect(existsSync(join(folder(), String(jobId)))).toBe(false);
  });

  it('resuming it collects only the missing account and records a complete snapshot', async () => {
    if (!store || !jobs) throw new Error('no store');
    const resumed = await jobs.resume(jobId, { userId: null, label: 'crash-test' });
    await jobs.idle();
    const done = await jobs.get(resumed.id);
    expect(done).toMatchObject({ state: 'done', outcome: `complete (1 account(s) kept from job #${jobId})`, accountsTotal: 2 });
    const snapshot = await store.scans.loadSnapshot(done?.scanId ?? 0);
    expect(snapshot.complete).toBe(true);
    expect(snapshot.accounts.map((a) => a.accountId).sort()).toEqual(accountIds);
    expect(existsSync(join(folder(), String(resumed.id)))).toBe(false);
  });
});
