/** Snapshot slice for dynamodb. Placeholder until its collector lands: no fields yet. */
export type DynamoDbSlice = Readonly<Record<string, never>>;
