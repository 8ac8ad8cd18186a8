/**
 * A JSON Schema for the parts of the AWS Security Finding Format that ftr-ready writes, transcribed from the
 * Security Hub API reference (AwsSecurityFinding, Severity, Resource, Compliance, StatusReason, Workflow,
 * Remediation/Recommendation, BatchImportFindings):
 *   https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_AwsSecurityFinding.html
 * Required members, enums and length limits are the reference's; properties the reference defines but we
 * do not use are not listed, and additionalProperties is false so a misspelt member fails.
 */

const nonEmpty = { type: 'string', pattern: '.*\\S.*' } as const;
/** Timestamps: RFC 3339 with Z or an offset, up to 9 fractional digits (API reference, "Timestamps"). */
const timestamp = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})$' } as const;
const severity = {
  type: 'object',
  properties: {
    Label: { enum: ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] },
    Original: nonEmpty,
  },
  additionalProperties: false,
} as const;

export const ASFF_FINDING_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: [
    'AwsAccountId',
    'CreatedAt',
    'Description',
    'GeneratorId',
    'Id',
    'ProductArn',
    'Resources',
    'SchemaVersion',
    'Severity',
    'Title',
    'Types',
    'UpdatedAt',
  ],
  properties: {
    SchemaVersion: { const: '2018-10-08' },
    Id: { ...nonEmpty, minLength: 1, maxLength: 512 },
    ProductArn: { ...nonEmpty, pattern: '^arn:aws(-[a-z-]+)?:securityhub:[a-z]{2}(-[a-z]+)+-\\d:\\d{12}:product/\\d{12}/default$' },
    ProductName: nonEmpty,
    CompanyName: nonEmpty,
    GeneratorId: { ...nonEmpty, minLength: 1, maxLength: 512 },
    AwsAccountId: { type: 'string', pattern: '^\\d{12}$' },
    Types: { type: 'array', minItems: 1, maxItems: 50, items: { type: 'string', pattern: '^[^/]+(/[^/]+){0,2}$' } },
    CreatedAt: timestamp,
    UpdatedAt: timestamp,
    Severity: severity,
    Title: { ...nonEmpty, maxLength: 256 },
    Description: { ...nonEmpty, minLength: 1, maxLength: 1024 },
    Remediation: {
      type: 'object',
      properties: {
        Recommendation: {
          type: 'object',
          properties: { Text: { ...nonEmpty, maxLength: 512 }, Url: nonEmpty },
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
    ProductFields: {
      type: 'object',
      maxProperties: 50,
      propertyNames: { maxLength: 128 },
      additionalProperties: { type: 'string', maxLength: 2048 },
    },
    Resources: {
      type: 'array',
      minItems: 1,
      maxItems: 32,
      items: {
        type: 'object',
        required: ['Id', 'Type'],
        properties: {
          Type: nonEmpty,
          Id: nonEmpty,
          Partition: { enum: ['aws', 'aws-cn', 'aws-us-gov'] },
          Region: nonEmpty,
          Details: {
            type: 'object',
            properties: {
              Other: { type: 'object', maxProperties: 50, propertyNames: { maxLength: 127 }, additionalProperties: { type: 'string', maxLength: 1023 } },
            },
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      },
    },
    Compliance: {
      type: 'object',
      properties: {
        Status: { enum: ['PASSED', 'WARNING', 'FAILED', 'NOT_AVAILABLE'] },
        RelatedRequirements: { type: 'array', maxItems: 32, items: nonEmpty },
        StatusReasons: {
          type: 'array',
          items: { type: 'object', required: ['ReasonCode'], properties: { ReasonCode: nonEmpty, Description: nonEmpty }, additionalProperties: false },
        },
      },
      additionalProperties: false,
    },
    FindingProviderFields: {
      type: 'object',
      properties: { Severity: severity, Types: { type: 'array', maxItems: 50, items: nonEmpty } },
      additionalProperties: false,
    },
    Workflow: {
      type: 'object',
      properties: { Status: { enum: ['NEW', 'NOTIFIED', 'RESOLVED', 'SUPPRESSED'] } },
      additionalProperties: false,
    },
    RecordState: { enum: ['ACTIVE', 'ARCHIVED'] },
  },
  additionalProperties: false,
} as const;

/** The BatchImportFindings request body as ftr-ready writes it (the API takes at most 100 per call). */
export const ASFF_FILE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['Findings'],
  properties: { Findings: { type: 'array', items: ASFF_FINDING_SCHEMA } },
  additionalProperties: false,
} as const;
