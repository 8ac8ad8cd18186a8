/**
 * Users and roles for team mode. The store keeps identities and role assignments; signing in (password
 * hashing, OIDC) belongs to the server, which hands the store only a hash from a password library.
 */
import { UserError } from '../../core/errors.js';
import type { UserRow } from '../schema.js';
import { appendAudit, inTransaction, type Actor, type RepositoryContext } from './context.js';
import { NotFoundError } from '../errors.js';

export const ROLES = ['viewer', 'attester', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Whether `role` has at least the rights of `needed` (viewer < attester < admin). */
export function roleAtLeast(role: string, needed: Role): boolean {
  const rank = (r: string) => ROLES.indexOf(r as Role);
  return rank(role) >= 0 && rank(role) >= rank(needed);
}

export interface StoredUser {
  readonly id: number;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly passwordHash: string | null;
  readonly oidc: { readonly issuer: string; readonly subject: string } | null;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

function toUser(row: UserRow): StoredUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    passwordHash: row.password_hash,
    oidc: row.oidc_issuer !== null && row.oidc_subject !== null ? { issuer: row.oidc_issuer, subject: row.oidc_subject } : null,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) throw new UserError(`Unknown role "${role}"; use one of ${ROLES.join(', ')}.`);
  return role as Role;
}

export interface NewUser {
  readonly email: string;
  readonly displayName: string;
  readonly role: string;
  readonly passwordHash?: string | null;
  readonly oidc?: { readonly issuer: string; readonly subject: string } | null;
}

export class UserRepository {
  private readonly ctx: RepositoryContext;
  constructor(ctx: RepositoryContext) {
    this.ctx = ctx;
  }

  async create(user: NewUser, actor: Actor): Promise<StoredUser> {
    const email = user.email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new UserError(`"${user.email}" is not an email address.`);
    const role = checkRole(user.role);
    return inTransaction(this.ctx.db, async (db) => {
      const now = this.ctx.now();
      const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
      if (existing) throw new UserError(`A user ${email} already exists.`);
      const row = await db
        .insertInto('users')
        .values({
          email,
          display_name: user.displayName.trim() || email,
          role,
          password_hash: user.passwordHash ?? null,
          oidc_issuer: user.oidc?.issuer ?? null,
          oidc_subject: user.oidc?.subject ?? null,
          created_at: now,
          disabled_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(db, now, actor, { action: 'user.create', targetType: 'user', targetId: row.id, detail: { email, role } });
      return toUser(row);
    });
  }

  async get(id: number): Promise<StoredUser | null> {
    const row = await this.ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async findByEmail(email: string): Promise<StoredUser | null> {
    const row = await this.ctx.db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async findByOidc(issuer: string, subject: string): Promise<StoredUser | null> {
    const row = await this.ctx.db.selectFrom('users').selectAll().where('oidc_issuer', '=', issuer).where('oidc_subject', '=', subject).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async list(): Promise<StoredUser[]> {
    const rows = await this.ctx.db.selectFrom('users').selectAll().orderBy('email').execute();
    return rows.map(toUser);
  }

  async setRole(id: number, role: string, actor: Actor): Promise<StoredUser> {
    const checked = checkRole(role);
    return inTransaction(this.ctx.db, async (db) => {
      const now = this.ctx.now();
      const before = await db.selectFrom('users').select('role').where('id', '=', id).executeTakeFirst();
      if (!before) throw new NotFoundError(`No user ${id}.`);
      const row = await db.updateTable('users').set({ role: checked }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await appendAudit(db, now, actor, { action: 'user.role', targetType: 'user', targetId: id, detail: { before: before.role, after: checked } });
      return toUser(row);
    });
  }

  async setPasswordHash(id: number, passwordHash: string, actor: Actor): Promise<void> {
    await inTransaction(this.ctx.db, async (db) => {
      const result = await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw new NotFoundError(`No user ${id}.`);
      // The hash itself is never logged.
      await appendAudit(db, this.ctx.now(), actor, { action: 'user.password', targetType: 'user', targetId: id });
    });
  }

  async disable(id: number, actor: Actor): Promise<void> {
    await inTransaction(this.ctx.db, async (db) => {
      const now = this.ctx.now();
      const result = await db.updateTable('users').set({ disabled_at: now }).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw new NotFoundError(`No active user ${id}.`);
      // A disabled user is signed out everywhere at once.
      await db.deleteFrom('auth_sessions').where('user_id', '=', id).execute();
      await appendAudit(db, now, actor, { action: 'user.disable', targetType: 'user', targetId: id });
    });
  }

  /** Links an OIDC identity to an existing user (first OIDC sign-in of a pre-provisioned user). */
  async linkOidc(id: number, oidc: { readonly issuer: string; readonly subject: string }, actor: Actor): Promise<StoredUser> {
    return inTransaction(this.ctx.db, async (db) => {
      const row = await db
        .updateTable('users')
        .set({ oidc_issuer: oidc.issuer, oidc_subject: oidc.subject })
        .where('id', '=', id)
        .where('oidc_subject', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new NotFoundError(`No user ${id} without an OIDC identity.`);
      await appendAudit(db, this.ctx.now(), actor, { action: 'user.oidc_link', targetType: 'user', targetId: id, detail: { issuer: oidc.issuer } });
      return toUser(row);
    });
  }

  /** Admins that are not disabled: team mode refuses to start without one, and keeps the last one. */
  async countActiveAdmins(): Promise<number> {
    const row = await this.ctx.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
