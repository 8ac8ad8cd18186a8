/**
 * Team mode for `ftr serve`: sign-in (local accounts, OIDC), sessions, CSRF, roles, user admin and the
 * audit log page. The dashboard wires it in through the AuthSeam (see seam.ts).
 */
export { createAuth, SIGN_IN_FAILED } from './create-auth.js';
export type { AuthSeam, AuthEnv, AuthVariables } from './seam.js';
export type { AuthOptions, OidcOptions, PageParts, AuthLimits } from './options.js';
export { AUTH_LIMITS } from './options.js';
export { requireRole, hasRole, actorOf, ROLES, type AuthUser, type Role } from './roles.js';
export { assertTeamModeReady, isLoopbackHost } from './first-run.js';
export { addUser, setUserRole, disableUser, parseRole } from './user-admin.js';
export { PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from './passwords.js';
export { authSettingsFromEnv, type AuthEnvSettings } from './config.js';
