/** A workload scope: which part of a scan one assessment (or one case study) covers. */
export interface Scope {
  readonly name: string;
  readonly description: string | null;
  readonly accounts: readonly string[];
  /** null = every scanned region. */
  readonly regions: readonly string[] | null;
  /** Tag filter: every key must match one of its values. null = no tag filter. */
  readonly tags: Readonly<Record<string, readonly string[]>> | null;
  /** CloudFormation stack names. null = no stack filter. */
  readonly stacks: readonly string[] | null;
  readonly caseStudy: CaseStudy | null;
}

/** Case-study facts a competency application asks for (one scope per case study). */
export interface CaseStudy {
  readonly customer: string;
  readonly productionDate: string | null;
  readonly publicUrl: string | null;
  readonly description: string | null;
}
