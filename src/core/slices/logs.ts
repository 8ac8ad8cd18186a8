/** Snapshot slice for logs. Placeholder until its collector lands: no fields yet. */
export type LogsSlice = Readonly<Record<string, never>>;
