/** Snapshot slice for secrets. Placeholder until its collector lands: no fields yet. */
export type SecretsSlice = Readonly<Record<string, never>>;
