/** Snapshot slice for tagging. Placeholder until its collector lands: no fields yet. */
export type TaggingSlice = Readonly<Record<string, never>>;
