/** Snapshot slice for Amazon DynamoDB (regional): tables, their encryption and point-in-time recovery. */
import type { Observed } from '../observed.js';

/** dynamodb:DescribeTable facts. */
export interface DynamoDbTableDetails {
  readonly arn: string | null;
  readonly status: string | null;
  /** PROVISIONED or PAY_PER_REQUEST (absent in old tables = PROVISIONED). */
  readonly billingMode: string | null;
  /**
   * SSEDescription: null = default encryption with an AWS owned key (AWS omits the field then).
   * `sseType` is KMS when an AWS managed or customer managed KMS key is used.
   */
  readonly sse: { readonly status: string | null; readonly sseType: string | null; readonly kmsKeyArn: string | null } | null;
}

/** dynamodb:DescribeContinuousBackups facts. */
export interface DynamoDbContinuousBackups {
  readonly continuousBackupsStatus: string | null;
  /** ENABLED or DISABLED. */
  readonly pitrStatus: string | null;
  readonly recoveryPeriodInDays: number | null;
}

export interface DynamoDbTable {
  readonly name: string;
  /** null value: the table disappeared between ListTables and DescribeTable. */
  readonly details: Observed<DynamoDbTableDetails | null>;
  /** null value: the table disappeared between ListTables and DescribeContinuousBackups. */
  readonly continuousBackups: Observed<DynamoDbContinuousBackups | null>;
}

export interface DynamoDbSlice {
  readonly tables: Observed<readonly DynamoDbTable[]>;
}
