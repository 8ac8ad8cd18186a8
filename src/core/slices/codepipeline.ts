/** Snapshot slice for codepipeline. Placeholder until its collector lands: no fields yet. */
export type CodePipelineSlice = Readonly<Record<string, never>>;
