/** Snapshot slice for wellarchitected. Placeholder until its collector lands: no fields yet. */
export type WellArchitectedSlice = Readonly<Record<string, never>>;
