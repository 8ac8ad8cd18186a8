/** Snapshot slice for autoscaling. Placeholder until its collector lands: no fields yet. */
export type AutoScalingSlice = Readonly<Record<string, never>>;
