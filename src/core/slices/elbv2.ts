/** Snapshot slice for elbv2. Placeholder until its collector lands: no fields yet. */
export type Elbv2Slice = Readonly<Record<string, never>>;
