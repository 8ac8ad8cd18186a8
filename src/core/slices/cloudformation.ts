/** Snapshot slice for cloudformation. Placeholder until its collector lands: no fields yet. */
export type CloudFormationSlice = Readonly<Record<string, never>>;
