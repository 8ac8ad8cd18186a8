/**
 * Type-level comparison of a zod schema's output with the hand-written TypeScript type it validates.
 * `SameShape<A, B>` is true when both have the same fields, optionality and value types, ignoring
 * `readonly` (the TypeScript types are read-only views, zod's output is mutable) and the `| undefined`
 * zod adds to optional fields. schemas.test.ts asserts it for every slice, the snapshot and the assessment,
 * so a field added to a type but not to its schema (or the reverse) fails `npm run typecheck`.
 */

/** Structural normal form: no readonly, optional fields keep `?` but lose `| undefined`. */
export type Normalize<T> = T extends readonly (infer E)[]
  ? Normalize<E>[]
  : T extends object
    ? { -readonly [K in keyof T]: Normalize<Exclude<T[K], undefined>> }
    : T;

/** TypeScript's own identity check (distinguishes optional from required and `unknown` from `any`). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the identity trick needs the generic signatures
type Identical<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;

export type SameShape<A, B> = Identical<Normalize<A>, Normalize<B>>;

/** Compiles only when its type argument is `true`: `assertType<SameShape<z.output<typeof s>, T>>()`. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the type argument is the assertion
export function assertType<T extends true>(): T | undefined {
  return undefined;
}
