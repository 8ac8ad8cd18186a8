/** Snapshot slice for securityhub. Placeholder until its collector lands: no fields yet. */
export type SecurityHubSlice = Readonly<Record<string, never>>;
