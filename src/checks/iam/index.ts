import type { CheckDefinition } from '../../core/check.js';
import { iamAvoidRootUsage } from './iam-avoid-root-usage.js';
import { iamFederationConfigured } from './iam-federation-configured.js';
import { iamNoRootAccessKey } from './iam-no-root-access-key.js';
import { iamNoSharedGenericUsers } from './iam-no-shared-generic-users.js';
import { iamPasswordPolicyStrong } from './iam-password-policy-strong.js';
import { iamPolicyAttachedOnlyToGroupOrRoles } from './iam-policy-attached-only-to-group-or-roles.js';
import { iamPolicyNoFullAdminWildcard } from './iam-policy-no-full-admin-wildcard.js';
import { iamRoleExternalTrustRequiresExternalId } from './iam-role-external-trust-requires-external-id.js';
import { iamRootMfaEnabled } from './iam-root-mfa-enabled.js';
import { iamRotateAccessKey90Days } from './iam-rotate-access-key-90-days.js';
import { iamUserAccesskeyUnused } from './iam-user-accesskey-unused.js';
import { iamUserConsoleAccessUnused } from './iam-user-console-access-unused.js';
import { iamUserMfaEnabledConsoleAccess } from './iam-user-mfa-enabled-console-access.js';
import { iamUserNoActiveAccessKeys } from './iam-user-no-active-access-keys.js';

/** The iam checks. */
export const iamChecks: readonly CheckDefinition[] = [
  iamRootMfaEnabled,
  iamNoRootAccessKey,
  iamAvoidRootUsage,
  iamUserMfaEnabledConsoleAccess,
  iamRotateAccessKey90Days,
  iamUserAccesskeyUnused,
  iamUserConsoleAccessUnused,
  iamPasswordPolicyStrong,
  iamNoSharedGenericUsers,
  iamRoleExternalTrustRequiresExternalId,
  iamPolicyNoFullAdminWildcard,
  iamPolicyAttachedOnlyToGroupOrRoles,
  iamUserNoActiveAccessKeys,
  iamFederationConfigured,
];
