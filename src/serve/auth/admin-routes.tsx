/** Admin pages of team mode: users (add, role, disable) and the audit log. Every route needs admin. */
import { Hono, type Context } from 'hono';
import { UserError } from '../../core/errors.js';
import type { AuthCore } from './create-auth.js';
import { AuditLogPage } from './pages/audit-log.js';
import { UsersPage } from './pages/users.js';
import { actorOf, requireRole, type AuthUser } from './roles.js';
import { addUser, disableUser, setUserRole } from './user-admin.js';

export const AUDIT_PAGE_SIZE = 50;

export function adminRoutes(core: AuthCore): Hono {
  const routes = new Hono();
  const admin = (c: Context): AuthUser => {
    const user = c.get('user') as AuthUser | undefined;
    requireRole(user, 'admin');
    return user;
  };

  const usersPage = async (c: Context, user: AuthUser, notice: { error?: string; info?: string } = {}, status = 200) =>
    core.render(
      c,
      {
        title: 'Users',
        body: (
          <UsersPage
            users={await core.store.users.list()}
            basePath={core.basePath}
            csrfToken={core.csrfToken(c)}
            currentUserId={user.id}
            passwords={core.passwords}
            error={notice.error ?? null}
            info={notice.info ?? null}
          />
        ),
      },
      status,
    );

  /** Runs an admin change; a refused one (bad input, last admin) shows the users page with the reason. */
  const change = async (c: Context, fn: (user: AuthUser, body: Record<string, unknown>) => Promise<string>) => {
    const user = admin(c);
    const body = await c.req.parseBody();
    try {
      const info = await fn(user, body);
      return await usersPage(c, user, { info });
    } catch (err) {
      if (err instanceof UserError) return usersPage(c, user, { error: err.message }, 400);
      throw err;
    }
  };
  const idParam = (c: Context) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0) throw new UserError('No such user.');
    return id;
  };
  const text = (v: unknown) => (typeof v === 'string' ? v : '');

  routes.get('/users', (c) => usersPage(c, admin(c)));

  routes.post('/users', (c) =>
    change(c, async (user, body) => {
      const password = text(body.password);
      const added = await addUser(
        core.store,
        { email: text(body.email), name: text(body.name).slice(0, 200), role: text(body.role), password: core.passwords && password !== '' ? password : null },
        actorOf(user),
      );
      return `Added ${added.email} as ${added.role}.`;
    }),
  );

  routes.post('/users/:id/role', (c) =>
    change(c, async (user, body) => {
      const changed = await setUserRole(core.store, idParam(c), text(body.role), actorOf(user));
      return `${changed.email} is now ${changed.role}.`;
    }),
  );

  routes.post('/users/:id/disable', (c) =>
    change(c, async (user) => {
      const id = idParam(c);
      if (id === user.id) throw new UserError('You cannot disable yourself.');
      await disableUser(core.store, id, actorOf(user));
      return 'The account is disabled and its sessions are ended.';
    }),
  );

  routes.get('/audit', async (c) => {
    admin(c);
    const before = Number(c.req.query('before'));
    const beforeId = Number.isSafeInteger(before) && before > 0 ? before : undefined;
    const entries = await core.store.audit.list({ limit: AUDIT_PAGE_SIZE + 1, ...(beforeId !== undefined ? { beforeId } : {}) });
    const page = entries.slice(0, AUDIT_PAGE_SIZE);
    const last = page.at(-1);
    const olderHref = entries.length > AUDIT_PAGE_SIZE && last !== undefined ? `${core.basePath}/audit?before=${last.id}` : null;
    return core.render(c, {
      title: 'Audit log',
      body: <AuditLogPage entries={page} total={await core.store.audit.count()} olderHref={olderHref} newestHref={beforeId !== undefined ? `${core.basePath}/audit` : null} />,
    });
  });

  return routes;
}
