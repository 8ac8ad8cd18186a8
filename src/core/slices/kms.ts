/** Snapshot slice for kms. Placeholder until its collector lands: no fields yet. */
export type KmsSlice = Readonly<Record<string, never>>;
