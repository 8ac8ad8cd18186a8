/** Snapshot slice for s3. Placeholder until its collector lands: no fields yet. */
export type S3Slice = Readonly<Record<string, never>>;
