/**
 * A check's fix as infrastructure as code, where one resource setting fixes it: a CloudFormation (YAML)
 * snippet and a Terraform (HCL) snippet that set it, and the resource types they set, so a test can prove
 * each snippet parses and names the resource the check is about. Kept beside the checks
 * (src/checks/<area>/remediation-code.ts) and joined into the check's remediation at evaluation.
 */
export interface RemediationCode {
  /** CloudFormation resource type the snippet declares, e.g. `AWS::S3::Bucket`. */
  readonly cloudformationType: string;
  /** Terraform resource type the snippet declares, e.g. `aws_s3_bucket_versioning`. */
  readonly terraformType: string;
  readonly cloudformation: string;
  readonly terraform: string;
}

/** The snippets of one area, by check id. */
export type RemediationCodeTable = Readonly<Record<string, RemediationCode>>;

/** Joins lines: snippets are written as arrays of lines so indentation stays visible in the source. */
export const lines = (...text: readonly string[]): string => text.join('\n');
