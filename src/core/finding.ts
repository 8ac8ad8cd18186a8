/** Result vocabulary of one check on one resource. */
export type CheckStatus = 'PASS' | 'FAIL' | 'MANUAL' | 'NOT_APPLICABLE' | 'UNKNOWN';

export const CHECK_STATUSES = ['PASS', 'FAIL', 'MANUAL', 'NOT_APPLICABLE', 'UNKNOWN'] as const satisfies readonly CheckStatus[];

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const satisfies readonly Severity[];

/** The resource a result is about. `region` is null for global resources (IAM users, the account itself). */
export interface ResourceRef {
  readonly accountId: string;
  readonly region: string | null;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly resourceArn?: string | null;
}

/** What a check returns for one resource; the evaluator adds check metadata and control ids. */
export interface CheckOutcome extends ResourceRef {
  readonly status: CheckStatus;
  readonly message: string;
  /** Facts behind the verdict, JSON-serializable and free of secrets. */
  readonly evidence: Readonly<Record<string, unknown>>;
}

/** One line of assessment.json's `findings` array (see docs/assessment-schema.md). */
export interface Finding {
  readonly checkId: string;
  readonly checkTitle: string;
  /** The items this finding decides: those that reference its check as required or evidence. */
  readonly controlIds: readonly string[];
  /** Items for which its check is advisory (hardening beyond the checklist); absent when none. */
  readonly advisoryFor?: readonly string[];
  readonly status: CheckStatus;
  readonly severity: Severity;
  readonly accountId: string;
  readonly region: string | null;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly resourceArn: string | null;
  readonly message: string;
  readonly evidence: Readonly<Record<string, unknown>>;
  /** Set when a suppression with a justification and expiry covers this finding (issue: attestations). */
  readonly suppression?: { readonly justification: string; readonly expires: string; readonly owner: string } | null;
}
