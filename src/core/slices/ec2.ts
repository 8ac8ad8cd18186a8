/** Snapshot slice for ec2. Placeholder until its collector lands: no fields yet. */
export type Ec2Slice = Readonly<Record<string, never>>;
