/** Snapshot slice for rds. Placeholder until its collector lands: no fields yet. */
export type RdsSlice = Readonly<Record<string, never>>;
