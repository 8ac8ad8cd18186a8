/** The role a check plays for an item (required / evidence / advisory). */
import type { FC } from 'hono/jsx';
import { ROLE_LABEL, ROLE_MEANING } from '../../format.js';
import type { ItemCheck } from '../../model.js';

export const RoleBadge: FC<{ c: Pick<ItemCheck, 'role'> }> = ({ c }) =>
  c.role ? (
    <span class={`role role-${c.role}`} title={ROLE_MEANING[c.role]}>
      {ROLE_LABEL[c.role]}
    </span>
  ) : (
    <span class="muted small">not recorded</span>
  );
