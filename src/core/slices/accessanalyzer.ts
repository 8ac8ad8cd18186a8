/** Snapshot slice for IAM Access Analyzer (regional). */
import type { Observed } from '../observed.js';

export interface AccessAnalyzer {
  readonly name: string;
  readonly arn: string;
  /** ACCOUNT | ORGANIZATION (external access), ACCOUNT_UNUSED_ACCESS | ORGANIZATION_UNUSED_ACCESS, ... */
  readonly type: string;
  /** ACTIVE | CREATING | DISABLED | FAILED */
  readonly status: string;
  readonly statusReason: string | null;
  readonly createdAt: string | null;
  readonly lastResourceAnalyzedAt: string | null;
}

export interface AccessAnalyzerSlice {
  readonly analyzers: Observed<readonly AccessAnalyzer[]>;
}
