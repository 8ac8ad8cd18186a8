/** Snapshot slice for macie. Placeholder until its collector lands: no fields yet. */
export type MacieSlice = Readonly<Record<string, never>>;
