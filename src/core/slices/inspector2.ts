/** Snapshot slice for inspector2. Placeholder until its collector lands: no fields yet. */
export type Inspector2Slice = Readonly<Record<string, never>>;
