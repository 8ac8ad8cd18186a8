/** Snapshot slice for costs. Placeholder until its collector lands: no fields yet. */
export type CostsSlice = Readonly<Record<string, never>>;
