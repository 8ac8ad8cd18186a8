/**
 * The scope an assessment was evaluated with, as the store keeps it (migration 0006): the Scope of
 * src/scope/types.ts as JSON. Validated when read back, like every document the store returns.
 */
import { z } from 'zod';
import type { Scope } from '../scope/types.js';

const stringList = z.array(z.string());

export const storedScopeSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().nullable(),
  accounts: stringList,
  regions: stringList.nullable(),
  tags: z.record(z.string(), stringList).nullable(),
  stacks: stringList.nullable(),
  caseStudy: z
    .strictObject({ customer: z.string(), productionDate: z.string().nullable(), publicUrl: z.string().nullable(), description: z.string().nullable() })
    .nullable(),
});

// A compile-time check: what the schema accepts is a Scope.
type Parsed = z.infer<typeof storedScopeSchema>;
export const STORED_SCOPE_IS_A_SCOPE: Parsed extends Scope ? true : false = true;

export function encodeScope(scope: Scope): string {
  return JSON.stringify(scope);
}

/** The stored JSON as a Scope, or null when there is none or it does not validate (then it cannot be re-applied). */
export function decodeScope(json: string | null): Scope | null {
  if (json === null) return null;
  try {
    const parsed = storedScopeSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
