/**
 * Which policy denied a read, from the AccessDenied message itself. AWS names the policy type in its
 * messages ("... with an explicit deny in a service control policy", "... because no permissions boundary
 * allows the ... action"); the fix differs for each, so the doctor says which one it met.
 */

export type DenialCause =
  | 'scp'
  | 'rcp'
  | 'permissions-boundary'
  | 'session-policy'
  | 'identity-policy'
  | 'resource-policy'
  | 'unstated';

const PATTERNS: readonly (readonly [DenialCause, RegExp])[] = [
  ['scp', /service control polic/i],
  ['rcp', /resource control polic/i],
  ['permissions-boundary', /permissions boundar/i],
  ['session-policy', /session polic/i],
  ['identity-policy', /identity-based polic/i],
  ['resource-policy', /resource-based polic/i],
];

export function denialCause(message: string): DenialCause {
  for (const [cause, pattern] of PATTERNS) if (pattern.test(message)) return cause;
  return 'unstated';
}

export const DENIAL_CAUSE_LABEL: Record<DenialCause, string> = {
  scp: 'a service control policy (SCP)',
  rcp: 'a resource control policy (RCP)',
  'permissions-boundary': 'a permissions boundary',
  'session-policy': 'a session policy',
  'identity-policy': "the role's own policies",
  'resource-policy': 'a resource-based policy',
  unstated: 'a policy AWS did not name',
};

/** The fix for reads denied by `cause` to the role `roleName`. */
export function denialFix(cause: DenialCause, roleName: string, actions: readonly string[]): string {
  const list = actions.slice(0, 6).join(', ') + (actions.length > 6 ? ', ...' : '');
  switch (cause) {
    case 'scp':
      return (
        `AWS Organizations console > Policies > Service control policies: exempt the scanner role from the deny ` +
        `(e.g. a Condition "ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/${roleName}"}) for ${list}; ` +
        'aws organizations list-policies-for-target --target-id <account-id> --filter SERVICE_CONTROL_POLICY shows which SCPs apply.'
      );
    case 'rcp':
      return `AWS Organizations console > Policies > Resource control policies: allow the scanner role to read (${list}).`;
    case 'permissions-boundary':
      return `IAM console > Roles > ${roleName} > Permissions boundary: allow ${list}, or deploy the role without a boundary (PermissionsBoundaryArn parameter of ftr permissions).`;
    case 'session-policy':
      return `The session was started with a session policy that does not allow ${list}: start it without one (check the profile or SSO permission set).`;
    case 'identity-policy':
    case 'unstated':
      return (
        `Attach SecurityAudit, ViewOnlyAccess and the generated reads to the role: ` +
        `ftr permissions --format cloudformation (member accounts) or --format iam-policy (scanning principal); missing: ${list}.`
      );
    case 'resource-policy':
      return `A resource policy denies ${list} to the scanner role: allow its ARN in that resource's policy.`;
  }
}
