/** Snapshot slice for backup. Placeholder until its collector lands: no fields yet. */
export type BackupSlice = Readonly<Record<string, never>>;
