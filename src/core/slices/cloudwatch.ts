/** Snapshot slice for cloudwatch. Placeholder until its collector lands: no fields yet. */
export type CloudWatchSlice = Readonly<Record<string, never>>;
