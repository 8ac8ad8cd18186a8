import { parse as parseHcl } from '@cdktf/hcl2json';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.js';
import { permissionsCommand } from '../cli/commands/permissions.js';
import { memberRoleTemplate, stackSetTemplate } from './cloudformation.js';
import { PERMISSIONS_FORMATS, validatePermissionsOptions, type PermissionsFormat } from './options.js';
import { renderPermissions } from './render-permissions.js';
import { MANAGED_READ_POLICIES, memberRoleActions, READ_ONLY_ACTION, scannerActions, SECRET_READING_ACTIONS } from './scanner-policy.js';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}
interface PolicyDocument {
  Version: string;
  Statement: Statement[];
}

/** What an output grants, found by walking it: permission policies, trust policies and managed policy ARNs. */
interface Grants {
  permissionPolicies: PolicyDocument[];
  trustPolicies: PolicyDocument[];
  managedPolicyArns: unknown[];
}

const emptyGrants = (): Grants => ({ permissionPolicies: [], trustPolicies: [], managedPolicyArns: [] });

/** Walks a CloudFormation template, including StackSet bodies (TemplateBody is a JSON string). */
function cloudFormationGrants(template: unknown, into: Grants = emptyGrants()): Grants {
  const walk = (node: unknown, key: string | null): void => {
    if (Array.isArray(node)) {
      node.forEach((n) => walk(n, null));
      return;
    }
    if (node === null || typeof node !== 'object') {
      if (key === 'TemplateBody' && typeof node === 'string') cloudFormationGrants(JSON.parse(node), into);
      return;
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === 'PolicyDocument') into.permissionPolicies.push(v as PolicyDocument);
      else if (k === 'AssumeRolePolicyDocument') into.trustPolicies.push(v as PolicyDocument);
      else if (k === 'ManagedPolicyArns') into.managedPolicyArns.push(...(v as unknown[]));
      else walk(v, k);
    }
  };
  walk(template, null);
  return into;
}

/** Terraform heredocs keep interpolations as text; `$${` is HCL's escape for a literal `${`. */
const unescapeHcl = (text: string) => text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');

interface TerraformJson {
  resource: Record<string, Record<string, Record<string, unknown>[]>>;
  variable: Record<string, unknown>;
}

async function terraformGrants(text: string): Promise<{ grants: Grants; tf: TerraformJson }> {
  const tf = (await parseHcl('ftr.tf', text)) as TerraformJson;
  const grants = emptyGrants();
  const one = (type: string, name: string) => tf.resource[type]![name]![0]!;
  grants.trustPolicies.push(JSON.parse(unescapeHcl(one('aws_iam_role', 'ftr_readonly').assume_role_policy as string)));
  grants.permissionPolicies.push(JSON.parse(unescapeHcl(one('aws_iam_role_policy', 'ftr_readonly_reads').policy as string)));
  grants.permissionPolicies.push(JSON.parse(unescapeHcl(one('aws_iam_policy', 'ftr_scanner').policy as string)));
  grants.managedPolicyArns.push(one('aws_iam_role_policy_attachment', 'ftr_readonly_managed').for_each);
  cloudFormationGrants(JSON.parse(unescapeHcl(one('aws_cloudformation_stack_set', 'ftr_member_role').template_body as string)), grants);
  return { grants, tf };
}

async function grantsOf(format: PermissionsFormat, text: string): Promise<Grants> {
  switch (format) {
    case 'iam-policy':
      return { ...emptyGrants(), permissionPolicies: [JSON.parse(text) as PolicyDocument] };
    case 'cloudformation':
    case 'stackset':
      return cloudFormationGrants(JSON.parse(text));
    case 'terraform':
      return (await terraformGrants(text)).grants;
  }
}

const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const OPTIONS = validatePermissionsOptions({ roleName: 'FtrReadOnly', trustedAccountId: '111122223333', externalId: 'ftr-ext-id-42' });

describe('ftr permissions: every action of every format comes from the declared operations', () => {
  const declared = new Set(scannerActions());
  for (const format of PERMISSIONS_FORMATS) {
    it(`${format}: only declared, read-only, secret-free actions; AssumeRole only of the member role`, async () => {
      const grants = await grantsOf(format, renderPermissions(format, OPTIONS).text);
      expect(grants.permissionPolicies.length).toBeGreaterThan(0);
      const granted = new Set<string>();
      for (const policy of grants.permissionPolicies) {
        expect(policy.Version).toBe('2012-10-17');
        for (const statement of policy.Statement) {
          expect(statement.Effect).toBe('Allow');
          for (const action of actionsOf(statement)) {
            granted.add(action);
            expect(declared.has(action), `${action} is not a declared operation`).toBe(true);
            expect(action, 'no wildcard actions').not.toMatch(/\*/);
            expect(READ_ONLY_ACTION.test(action), `${action} is not a read`).toBe(true);
            expect(SECRET_READING_ACTIONS).not.toContain(action);
          }
        }
      }
      // sts:AssumeRole only alone in its statement, on the member role in any account: never Resource "*".
      const assumeStatements = grants.permissionPolicies.flatMap((p) => p.Statement).filter((st) => actionsOf(st).includes('sts:AssumeRole'));
      for (const statement of assumeStatements) {
        expect(actionsOf(statement)).toEqual(['sts:AssumeRole']);
        expect(JSON.stringify(statement.Resource)).toMatch(/role\/|:role/);
        expect(statement.Resource).not.toBe('*');
      }
      // Every declared read is granted (nothing the scanner calls is missing from the template).
      for (const action of memberRoleActions()) expect(granted.has(action), `${action} missing`).toBe(true);
      for (const forbidden of ['secretsmanager:GetSecretValue', 'kms:Decrypt', 's3:GetObject', 'lambda:GetFunction']) {
        expect(granted.has(forbidden)).toBe(false);
      }
      // Managed policies: exactly the two read-only AWS ones.
      const managedText = JSON.stringify(grants.managedPolicyArns);
      const expectedManaged = format === 'iam-policy' ? [] : MANAGED_READ_POLICIES.map((p) => p.path);
      for (const path of expectedManaged) expect(managedText).toContain(path);
      expect(managedText.replace(/SecurityAudit|job-function\/ViewOnlyAccess/g, '')).not.toMatch(/policy\/[A-Za-z]/);
    });
  }

  it('the declared operations themselves hold no write and no secret-reading action', () => {
    expect(scannerActions().filter((a) => !READ_ONLY_ACTION.test(a))).toEqual([]);
    expect(scannerActions().filter((a) => SECRET_READING_ACTIONS.includes(a))).toEqual([]);
  });
});

describe('member role trust', () => {
  for (const format of ['cloudformation', 'stackset', 'terraform'] as const) {
    it(`${format}: trusts only the scanning account and requires the external ID`, async () => {
      const grants = await grantsOf(format, renderPermissions(format, OPTIONS).text);
      const memberTrusts = grants.trustPolicies.filter((p) => p.Statement.some((s) => s.Condition));
      expect(memberTrusts.length).toBeGreaterThan(0);
      for (const policy of memberTrusts) {
        expect(policy.Statement).toHaveLength(1);
        const s = policy.Statement[0]!;
        expect(s.Action).toBe('sts:AssumeRole');
        expect(s.Condition?.StringEquals?.['sts:ExternalId']).toBeDefined();
        expect(JSON.stringify(s.Principal)).toMatch(/:root/);
        expect(JSON.stringify(s.Principal)).not.toContain('"*"');
      }
    });
  }

  it('CloudFormation: external id and trusted account become parameters with AWS constraints, defaults when given', () => {
    const withValues = memberRoleTemplate(OPTIONS) as { Parameters: Record<string, { Default?: string; AllowedPattern: string }> };
    expect(withValues.Parameters.ExternalId?.Default).toBe('ftr-ext-id-42');
    expect(withValues.Parameters.TrustedAccountId?.Default).toBe('111122223333');
    const bare = memberRoleTemplate(validatePermissionsOptions({})) as typeof withValues;
    expect(bare.Parameters.ExternalId?.Default).toBeUndefined();
    expect(new RegExp(bare.Parameters.ExternalId!.AllowedPattern).test('x')).toBe(false);
    expect(new RegExp(bare.Parameters.TrustedAccountId!.AllowedPattern).test('12345')).toBe(false);
  });

  it('StackSet: service-managed, automatic deployment to the OUs, the member template as body', () => {
    const template = stackSetTemplate(OPTIONS) as { Resources: Record<string, { Type: string; Condition?: string; Properties: Record<string, unknown> }> };
    const stackSet = Object.values(template.Resources).find((r) => r.Type === 'AWS::CloudFormation::StackSet')!;
    expect(stackSet.Properties.PermissionModel).toBe('SERVICE_MANAGED');
    expect(stackSet.Properties.AutoDeployment).toEqual({ Enabled: true, RetainStacksOnAccountRemoval: false });
    expect(stackSet.Properties.Capabilities).toEqual(['CAPABILITY_NAMED_IAM']);
    expect(JSON.stringify(stackSet.Properties.StackInstancesGroup)).toContain('OrganizationalUnitIds');
    const body = JSON.parse(stackSet.Properties.TemplateBody as string);
    expect(body.Resources).toEqual(memberRoleTemplate({ ...OPTIONS, trustedAccountId: null, externalId: null }).Resources);
    // The management account's own roles: the scanner role or the member role, by where the scan runs.
    const roles = Object.values(template.Resources).filter((r) => r.Type === 'AWS::IAM::Role');
    expect(roles.map((r) => r.Condition).sort()).toEqual(['ScanFromAnotherAccount', 'ScanFromThisAccount']);
    expect(Buffer.byteLength(JSON.stringify(template))).toBeLessThan(51_200);
  });

  it('Terraform: variables carry the AWS constraints and the given defaults', async () => {
    const { tf } = await terraformGrants(renderPermissions('terraform', OPTIONS).text);
    const variables = tf.variable as Record<string, { default?: unknown }[]>;
    expect(variables.external_id?.[0]?.default).toBe('ftr-ext-id-42');
    expect(variables.trusted_account_id?.[0]?.default).toBe('111122223333');
    expect(variables.role_name?.[0]?.default).toBe('FtrReadOnly');
    const stackSet = tf.resource.aws_cloudformation_stack_set!.ftr_member_role![0]!;
    expect(stackSet.permission_model).toBe('SERVICE_MANAGED');
  });

  it('the HCL parser used here does reject invalid HCL (so the Terraform test can fail)', async () => {
    await expect(parseHcl('bad.tf', 'resource "aws_iam_role" "x" {\n  name = \n}\n')).rejects.toThrow();
  });
});

describe('option validation', () => {
  it.each([
    [{ roleName: 'bad role' }, /--role-name/],
    [{ trustedAccountId: '1234' }, /--trusted-account/],
    [{ externalId: 'x' }, /--external-id/],
    [{ externalId: 'has space in it' }, /--external-id/],
  ])('%o is refused with a clear message', (input, message) => {
    expect(() => validatePermissionsOptions(input)).toThrow(message);
    expect(() => validatePermissionsOptions(input)).toThrow(UserError);
  });

  it('the refusal never echoes the external id', () => {
    let message = '';
    try {
      validatePermissionsOptions({ externalId: 'secret value!' });
    } catch (err) {
      message = String(err);
    }
    expect(message).toContain('--external-id');
    expect(message).not.toContain('secret value!');
  });
});

describe('ftr permissions command', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ftr-permissions-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the document on stdout and the next steps on stderr', async () => {
    let stdout = '';
    let stderr = '';
    const code = await permissionsCommand({ format: 'iam-policy' }, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).Statement).toHaveLength(2);
    expect(stderr).toContain('SecurityAudit');
  });

  it('writes --out, and refuses a symbolic link there', async () => {
    const out = join(dir, 'member.json');
    const io = { stdout: () => undefined, stderr: () => undefined };
    await permissionsCommand({ format: 'cloudformation', out, externalId: 'abc-123' }, io);
    expect(JSON.parse(await readFile(out, 'utf8')).Resources.FtrReadOnlyRole.Type).toBe('AWS::IAM::Role');
    const link = join(dir, 'link.json');
    await symlink(join(dir, 'target.json'), link);
    await expect(permissionsCommand({ format: 'cloudformation', out: link }, io)).rejects.toThrow(/symbolic link/);
  });

  it('an unknown format is a usage error naming the formats', async () => {
    await expect(permissionsCommand({ format: 'yaml' })).rejects.toThrow(/iam-policy, cloudformation, stackset, terraform/);
  });
});
