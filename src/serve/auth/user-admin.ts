/**
 * Account administration shared by the users page and `ftr users`: the password policy, hashing, and the
 * rule that the last active admin can be neither demoted nor disabled (nobody could administer the
 * workspace any more). The repositories write the audit lines (user.create, user.role, user.disable).
 */
import { UserError } from '../../core/errors.js';
import type { Repositories } from '../../store/db.js';
import type { Actor } from '../../store/repositories/context.js';
import { ROLES, type Role, type StoredUser } from '../../store/repositories/users.js';
import { NotFoundError } from '../../store/errors.js';
import { hashPassword, passwordProblem } from './passwords.js';

type UserStore = Pick<Repositories, 'users'> & { transaction<T>(fn: (r: Repositories) => Promise<T>): Promise<T> };

export interface AddUserInput {
  readonly email: string;
  readonly name?: string;
  readonly role: string;
  /** null: the user signs in with OIDC only (linked on first sign-in by verified email). */
  readonly password: string | null;
}

export function parseRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) throw new UserError(`Unknown role "${role}"; use one of ${ROLES.join(', ')}.`);
  return role as Role;
}

export async function addUser(store: UserStore, input: AddUserInput, actor: Actor): Promise<StoredUser> {
  const role = parseRole(input.role);
  let passwordHash: string | null = null;
  if (input.password !== null) {
    const problem = passwordProblem(input.password, input.email);
    if (problem !== null) throw new UserError(problem);
    passwordHash = await hashPassword(input.password);
  }
  return store.users.create({ email: input.email, displayName: input.name ?? '', role, passwordHash }, actor);
}

async function assertNotLastAdmin(r: Repositories, user: StoredUser, what: string): Promise<void> {
  if (user.role === 'admin' && user.disabledAt === null && (await r.users.countActiveAdmins()) <= 1) {
    throw new UserError(`${user.email} is the last active admin; ${what} would leave nobody to administer the workspace. Make another user admin first.`);
  }
}

export async function setUserRole(store: UserStore, userId: number, role: string, actor: Actor): Promise<StoredUser> {
  const checked = parseRole(role);
  return store.transaction(async (r) => {
    const user = await r.users.get(userId);
    if (user === null) throw new NotFoundError(`No user ${userId}.`);
    if (user.role === checked) return user;
    await assertNotLastAdmin(r, user, `making them ${checked}`);
    return r.users.setRole(userId, checked, actor);
  });
}

export async function disableUser(store: UserStore, userId: number, actor: Actor): Promise<void> {
  await store.transaction(async (r) => {
    const user = await r.users.get(userId);
    if (user === null) throw new NotFoundError(`No user ${userId}.`);
    if (user.disabledAt !== null) throw new UserError(`${user.email} is already disabled.`);
    await assertNotLastAdmin(r, user, 'disabling them');
    await r.users.disable(userId, actor);
  });
}
