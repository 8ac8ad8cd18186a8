/** Snapshot slice for account. Placeholder until its collector lands: no fields yet. */
export type AccountSlice = Readonly<Record<string, never>>;
