/** Snapshot slice for lambda. Placeholder until its collector lands: no fields yet. */
export type LambdaSlice = Readonly<Record<string, never>>;
