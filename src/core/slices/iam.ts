/** Snapshot slice for iam. Placeholder until its collector lands: no fields yet. */
export type IamSlice = Readonly<Record<string, never>>;
