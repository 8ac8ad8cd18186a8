/** User administration (admin only): add a local or OIDC user, change a role, disable an account. */
import type { FC } from 'hono/jsx';
import type { StoredUser } from '../../../store/repositories/users.js';
import { ROLES } from '../roles.js';
import { CsrfField, Notice } from './layout.js';

export interface UsersPageProps {
  readonly users: readonly StoredUser[];
  readonly basePath: string;
  readonly csrfToken: string;
  readonly currentUserId: number;
  readonly passwords: boolean;
  readonly error?: string | null;
  readonly info?: string | null;
}

const RoleSelect: FC<{ name: string; value: string; id?: string }> = ({ name, value, id }) => (
  <select name={name} id={id}>
    {ROLES.map((r) => (
      <option value={r} selected={r === value}>
        {r}
      </option>
    ))}
  </select>
);

export const UsersPage: FC<UsersPageProps> = (p) => (
  <section class="users">
    <h1>Users</h1>
    <Notice kind="error" text={p.error} />
    <Notice kind="info" text={p.info} />
    <table>
      <thead>
        <tr>
          <th scope="col">Email</th>
          <th scope="col">Name</th>
          <th scope="col">Sign-in</th>
          <th scope="col">Role</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {p.users.map((u) => (
          <tr>
            <td>{u.email}</td>
            <td>{u.displayName}</td>
            <td>{[u.passwordHash !== null ? 'password' : null, u.oidc !== null ? 'OIDC' : null].filter((x) => x !== null).join(', ') || 'OIDC (not linked yet)'}</td>
            <td>
              {u.disabledAt === null ? (
                <form method="post" action={`${p.basePath}/users/${u.id}/role`}>
                  <CsrfField token={p.csrfToken} />
                  <RoleSelect name="role" value={u.role} />
                  <button type="submit">Set role</button>
                </form>
              ) : (
                u.role
              )}
            </td>
            <td>
              {u.disabledAt !== null ? (
                `disabled ${u.disabledAt}`
              ) : u.id === p.currentUserId ? (
                'active (you)'
              ) : (
                <form method="post" action={`${p.basePath}/users/${u.id}/disable`}>
                  <CsrfField token={p.csrfToken} />
                  <button type="submit">Disable</button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    <h2>Add a user</h2>
    <form method="post" action={`${p.basePath}/users`}>
      <CsrfField token={p.csrfToken} />
      <p>
        <label for="new-email">Email</label>
        <input id="new-email" name="email" type="email" required />
      </p>
      <p>
        <label for="new-name">Name</label>
        <input id="new-name" name="name" type="text" maxlength={200} />
      </p>
      <p>
        <label for="new-role">Role</label>
        <RoleSelect name="role" value="viewer" id="new-role" />
      </p>
      {p.passwords ? (
        <p>
          <label for="new-password">Initial password (empty: the user signs in with OIDC)</label>
          <input id="new-password" name="password" type="password" autocomplete="new-password" maxlength={256} />
        </p>
      ) : null}
      <p>
        <button type="submit">Add user</button>
      </p>
    </form>
  </section>
);
