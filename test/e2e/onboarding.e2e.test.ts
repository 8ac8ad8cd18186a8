/**
 * End to end, the README's "Onboard an Organization" path against moto: `ftr permissions` generates the
 * templates; the StackSet template is deployed in the management account (it creates the scanner role
 * there) and its StackSet deploys the member role to the accounts of an OU; a member outside that OU gets the
 * stand-alone `cloudformation` template; then `ftr doctor` and `ftr scan --org --role-name --external-id` run
 * as the scanner role the template created. A small Organization (management + 2 members, one region) keeps
 * it fast. moto checks neither trust policies nor permissions (see moto-notes.md), so the test also reads
 * every created role back and asserts its trust policy and reads.
 */
import { CloudFormationClient, CreateStackCommand, CreateStackInstancesCommand, CreateStackSetCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetRoleCommand, GetRolePolicyCommand, IAMClient, ListRolePoliciesCommand } from '@aws-sdk/client-iam';
import {
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  EnableAWSServiceAccessCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/core/snapshot.js';
import { memberRoleActions } from '../../src/permissions/scanner-policy.js';
import { MOTO_CREDENTIALS, motoEnv, startMoto, type MotoServer } from '../helpers/moto-server.js';
import { readSnapshotFile, runCli, type CliResult } from './cli-runner.js';

const MANAGEMENT = '123456789012';
const EXTERNAL_ID = 'ftr-e2e-external-id-7';
const ROLE = 'FtrReadOnly';
const REGION = 'us-east-1';

let moto: MotoServer | undefined;
let dir: string;
let inOu: string;
let outsideOu: string;
let scannerEnv: NodeJS.ProcessEnv;
let doctor: CliResult;
let scan: CliResult;

const config = (endpoint: string, credentials: AwsCredentialIdentity = MOTO_CREDENTIALS) => ({ endpoint, region: REGION, credentials, maxAttempts: 1 });

async function assume(endpoint: string, roleArn: string): Promise<AwsCredentialIdentity> {
  const out = await new STSClient(config(endpoint)).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'ftr-e2e-setup' }));
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('moto returned no credentials');
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}) };
}

async function createStack(cfn: CloudFormationClient, name: string, body: string, parameters: Record<string, string>): Promise<void> {
  await cfn.send(
    new CreateStackCommand({
      StackName: name,
      TemplateBody: body,
      Capabilities: ['CAPABILITY_NAMED_IAM'],
      Parameters: Object.entries(parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
    }),
  );
  const stack = (await cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0];
  if (stack?.StackStatus !== 'CREATE_COMPLETE') throw new Error(`stack ${name}: ${String(stack?.StackStatus)} ${String(stack?.StackStatusReason)}`);
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Resolves the few intrinsics the StackSet resource's properties use (Ref, Fn::If on known conditions, Fn::Join). */
function resolve(node: Json, refs: Record<string, Json>, conditions: Record<string, boolean>): Json {
  if (Array.isArray(node)) return node.map((n) => resolve(n, refs, conditions));
  if (node === null || typeof node !== 'object') return node;
  if ('Ref' in node) return refs[node.Ref as string] ?? null;
  if ('Fn::If' in node) {
    const [condition, yes, no] = node['Fn::If'] as [string, Json, Json];
    return resolve(conditions[condition] ? yes : no, refs, conditions);
  }
  if ('Fn::Join' in node) {
    const [sep, parts] = node['Fn::Join'] as [string, Json[]];
    return parts.map((p) => resolve(p, refs, conditions) as string).join(sep);
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolve(v, refs, conditions)]));
}

beforeAll(async () => {
  moto = await startMoto();
  await moto.reset();
  await moto.seed(11);
  const endpoint = moto.endpoint;
  dir = await mkdtemp(join(tmpdir(), 'ftr-e2e-onboarding-'));

  // A small Organization: management, one member in the OU "Workloads", one member left in the root.
  const orgs = new OrganizationsClient(config(endpoint));
  await orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const rootId = (await orgs.send(new ListRootsCommand({}))).Roots?.[0]?.Id ?? '';
  const ou = await orgs.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'Workloads' }));
  const ouId = ou.OrganizationalUnit?.Id ?? '';
  const create = async (name: string) =>
    (await orgs.send(new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }))).CreateAccountStatus?.AccountId ?? '';
  inOu = await create('workload-prod');
  outsideOu = await create('sandbox');
  await orgs.send(new MoveAccountCommand({ AccountId: inOu, SourceParentId: rootId, DestinationParentId: ouId }));
  for (const principal of ['account.amazonaws.com', 'member.org.stacksets.cloudformation.amazonaws.com']) {
    await orgs.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: principal }));
  }

  // 1. ftr permissions, as a user would run it.
  const env = motoEnv(endpoint);
  const stackSetFile = join(dir, 'ftr-stackset.json');
  const memberFile = join(dir, 'ftr-member-role.json');
  for (const [args, file] of [
    [['--format', 'stackset', '--external-id', EXTERNAL_ID], stackSetFile],
    [['--format', 'cloudformation', '--trusted-account', MANAGEMENT, '--external-id', EXTERNAL_ID], memberFile],
  ] as const) {
    const result = await runCli(['permissions', ...args, '--out', file], { env });
    if (result.code !== 0) throw new Error(`ftr permissions ${args.join(' ')}: exit ${String(result.code)}: ${result.stderr}`);
  }

  // 2. The StackSet template in the management account: moto creates the scanner role and skips the
  //    AWS::CloudFormation::StackSet resource (not implemented by moto's CloudFormation), so its properties are
  //    then applied with CreateStackSet/CreateStackInstances, which moto implements for SERVICE_MANAGED sets.
  const stackSetBody = await readFile(stackSetFile, 'utf8');
  const cfn = new CloudFormationClient(config(endpoint));
  await createStack(cfn, 'ftr-ready-roles', stackSetBody, { OrganizationalUnitIds: ouId });
  const template = JSON.parse(stackSetBody) as { Resources: Record<string, { Type: string; Properties: Json }> };
  const stackSetResource = Object.values(template.Resources).find((r) => r.Type === 'AWS::CloudFormation::StackSet');
  const props = resolve(
    stackSetResource?.Properties ?? null,
    { RoleName: ROLE, ExternalId: EXTERNAL_ID, TrustedAccountId: '', PermissionsBoundaryArn: '', 'AWS::AccountId': MANAGEMENT, 'AWS::Region': REGION, OrganizationalUnitIds: [ouId] },
    { ScanFromThisAccount: true },
  ) as Record<string, unknown> & { StackInstancesGroup: { DeploymentTargets: { OrganizationalUnitIds: string[] }; Regions: string[] }[] };
  await cfn.send(
    new CreateStackSetCommand({
      StackSetName: String(props.StackSetName),
      TemplateBody: String(props.TemplateBody),
      PermissionModel: 'SERVICE_MANAGED',
      AutoDeployment: props.AutoDeployment as { Enabled: boolean; RetainStacksOnAccountRemoval: boolean },
      Capabilities: props.Capabilities as 'CAPABILITY_NAMED_IAM'[],
      Parameters: props.Parameters as { ParameterKey: string; ParameterValue: string }[],
    }),
  );
  for (const group of props.StackInstancesGroup) {
    await cfn.send(new CreateStackInstancesCommand({ StackSetName: String(props.StackSetName), DeploymentTargets: group.DeploymentTargets, Regions: group.Regions }));
  }

  // 3. The stand-alone member template in the account outside the OU, deployed with that account's own access.
  const sandbox = await assume(endpoint, `arn:aws:iam::${outsideOu}:role/OrganizationAccountAccessRole`);
  await createStack(new CloudFormationClient(config(endpoint, sandbox)), 'ftr-ready-member-role', await readFile(memberFile, 'utf8'), {});

  // 4. Scan as the scanner role the StackSet template created in the management account.
  const scanner = await assume(endpoint, `arn:aws:iam::${MANAGEMENT}:role/FtrScanner`);
  scannerEnv = {
    ...env,
    AWS_ACCESS_KEY_ID: scanner.accessKeyId,
    AWS_SECRET_ACCESS_KEY: scanner.secretAccessKey,
    AWS_SESSION_TOKEN: scanner.sessionToken ?? '',
  };
  const connection = ['--org', '--role-name', ROLE, '--external-id', EXTERNAL_ID, '--regions', REGION];
  doctor = await runCli(['doctor', ...connection, '--json'], { env: scannerEnv });
  scan = await runCli(['scan', ...connection, '--out', join(dir, 'scan'), '--max-attempts', '2'], { env: scannerEnv });
}, 600_000);

afterAll(async () => {
  await moto?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('onboarding an Organization with ftr permissions, ftr doctor and ftr scan (moto)', () => {
  it('the templates created the member role in both members: trusting the management account, requiring the external ID', async () => {
    const endpoint = moto?.endpoint ?? '';
    for (const accountId of [inOu, outsideOu]) {
      const credentials = await assume(endpoint, `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`);
      const iam = new IAMClient(config(endpoint, credentials));
      const role = (await iam.send(new GetRoleCommand({ RoleName: ROLE }))).Role;
      expect(role?.Arn).toBe(`arn:aws:iam::${accountId}:role/${ROLE}`);
      expect(role?.MaxSessionDuration).toBe(14_400);
      const trust = JSON.parse(decodeURIComponent(role?.AssumeRolePolicyDocument ?? '{}'));
      expect(trust.Statement).toEqual([
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${MANAGEMENT}:root` },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': EXTERNAL_ID } },
        }),
      ]);
      // moto ignores ManagedPolicyArns on AWS::IAM::Role; the inline reads are what it can show.
      expect((await iam.send(new ListRolePoliciesCommand({ RoleName: ROLE }))).PolicyNames).toEqual(['FtrReadyReads']);
      const reads = await iam.send(new GetRolePolicyCommand({ RoleName: ROLE, PolicyName: 'FtrReadyReads' }));
      // moto returns an inline policy created by CloudFormation as a Python dict literal, not JSON.
      const text = decodeURIComponent(reads.PolicyDocument ?? '{}');
      const document = JSON.parse(text.startsWith("{'") ? text.replace(/'/g, '"') : text);
      expect(document.Statement[0].Action).toEqual(memberRoleActions());
    }
  });

  it('ftr doctor --org passes (exit 0): scanner principal, management account, every member role assumed, no denial', () => {
    expect(doctor.code, `${doctor.stdout}\n${doctor.stderr}`).toBe(0);
    const report = JSON.parse(doctor.stdout) as { principal: { arn: string }; lines: { id: string; status: string; detail: string }[] };
    expect(report.principal.arn).toContain(':assumed-role/FtrScanner/');
    const status = Object.fromEntries(report.lines.map((l) => [l.id, l.status]));
    expect(status).toMatchObject({
      credentials: 'OK',
      organization: 'OK',
      'trusted-access': 'OK',
      'member-roles': 'OK',
      regions: 'OK',
      'sample-reads': 'OK',
      'cost-explorer': 'OK',
    });
    expect(report.lines.find((l) => l.id === 'organization')?.detail).toContain('the management account');
    expect(report.lines.find((l) => l.id === 'member-roles')?.detail).toContain('all 2 member account(s)');
    // moto implements neither the Support API nor resource-level Cost Explorer: reported, not hidden.
    expect(status.support).toBe('WARN');
    expect(status['resource-costs']).toBe('WARN');
  });

  it('ftr scan --org --role-name --external-id enters every account with the roles the templates created', async () => {
    expect(scan.code, `${scan.stdout}\n${scan.stderr}`).toBe(0);
    const snapshot: Snapshot = await readSnapshotFile(join(dir, 'scan'));
    expect(snapshot.complete).toBe(true);
    expect(snapshot.principal.arn).toContain(':assumed-role/FtrScanner/');
    expect(snapshot.accounts.map((a) => a.accountId).sort()).toEqual([MANAGEMENT, inOu, outsideOu].sort());
    for (const account of snapshot.accounts) {
      const expected =
        account.accountId === MANAGEMENT
          ? { via: 'caller', roleArn: null }
          : { via: 'assumed-role', roleArn: `arn:aws:iam::${account.accountId}:role/${ROLE}` };
      expect(account.access, `access to ${account.accountId}`).toEqual({ ok: true, value: expected });
      expect(account.regional.map((r) => r.region)).toEqual([REGION]);
    }
  });
});
