/** Snapshot slice for guardduty. Placeholder until its collector lands: no fields yet. */
export type GuardDutySlice = Readonly<Record<string, never>>;
