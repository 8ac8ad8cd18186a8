/** One entry point for `ftr permissions`: the requested format as text, plus what to do with it. */
import { memberRoleTemplate, renderTemplate, stackSetTemplate } from './cloudformation.js';
import type { PermissionsFormat, PermissionsOptions } from './options.js';
import { MANAGED_READ_POLICIES, scannerPolicyDocument } from './scanner-policy.js';
import { terraformConfiguration } from './terraform.js';

export interface RenderedPermissions {
  readonly text: string;
  /** Next steps for a person (printed on stderr, so stdout stays a clean document). */
  readonly nextSteps: readonly string[];
}

export function renderPermissions(format: PermissionsFormat, options: PermissionsOptions): RenderedPermissions {
  // Parameters the template has no default for must be given at deploy time.
  const externalIdFlag = options.externalId ? '' : ' ExternalId=<external-id>';
  const trustedFlag = options.trustedAccountId ? '' : ' TrustedAccountId=<scanning-account-id>';
  const memberOverrides = `${trustedFlag}${externalIdFlag}`;
  switch (format) {
    case 'iam-policy':
      return {
        text: `${JSON.stringify(scannerPolicyDocument({ roleName: options.roleName }), null, 2)}\n`,
        nextSteps: [
          'The scanning principal\'s policy: every read ftr scan makes, and sts:AssumeRole of the member role only.',
          `Attach it together with the AWS managed policies ${MANAGED_READ_POLICIES.map((p) => p.name).join(' and ')}:`,
          '  aws iam create-policy --policy-name FtrReadyScanner --policy-document file://ftr-scanner-policy.json',
        ],
      };
    case 'cloudformation':
      return {
        text: renderTemplate(memberRoleTemplate(options)),
        nextSteps: [
          'The member-account role. Deploy it in one account:',
          `  aws cloudformation deploy --template-file ftr-member-role.json --stack-name ftr-ready-member-role --capabilities CAPABILITY_NAMED_IAM${memberOverrides ? ` --parameter-overrides${memberOverrides}` : ''}`,
          'or in every account of your Organization with: ftr permissions --format stackset',
        ],
      };
    case 'stackset':
      return {
        text: renderTemplate(stackSetTemplate(options)),
        nextSteps: [
          'For the management account: a service-managed StackSet (member role in every account of the OUs, also',
          'accounts that join later) and the management account\'s own role. Needs trusted access for CloudFormation',
          'StackSets (Organizations console > Services > CloudFormation StackSets > Enable). Then:',
          `  aws cloudformation deploy --template-file ftr-stackset.json --stack-name ftr-ready-roles --capabilities CAPABILITY_NAMED_IAM --parameter-overrides OrganizationalUnitIds=<r-xxxx or ou-...>${externalIdFlag}`,
          `then check everything with: ftr doctor --org --role-name ${options.roleName} --external-id <external-id>`,
        ],
      };
    case 'terraform':
      return {
        text: terraformConfiguration(options),
        nextSteps: [
          'Member role per account (terraform apply), or set organizational_unit_ids in the management account to deploy',
          'it with a StackSet; set create_scanner_policy = true in the scanning account for the scanner\'s own policy.',
        ],
      };
  }
}
