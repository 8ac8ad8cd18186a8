/** Snapshot slice for config. Placeholder until its collector lands: no fields yet. */
export type ConfigSlice = Readonly<Record<string, never>>;
