/** Snapshot slice for cloudtrail. Placeholder until its collector lands: no fields yet. */
export type CloudTrailSlice = Readonly<Record<string, never>>;
