/** Snapshot slice for accessanalyzer. Placeholder until its collector lands: no fields yet. */
export type AccessAnalyzerSlice = Readonly<Record<string, never>>;
