/** Snapshot slice for cloudfront. Placeholder until its collector lands: no fields yet. */
export type CloudFrontSlice = Readonly<Record<string, never>>;
