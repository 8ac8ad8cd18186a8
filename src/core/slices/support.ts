/** Snapshot slice for support. Placeholder until its collector lands: no fields yet. */
export type SupportSlice = Readonly<Record<string, never>>;
