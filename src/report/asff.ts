/**
 * ASFF output for AWS Security Hub: a file in the shape BatchImportFindings takes (`{"Findings": [...]}`),
 * one finding per check result. Importing it is the user's own, explicit step; the scanner stays read-only.
 *
 * Custom-integration rules this follows (Security Hub API reference, BatchImportFindings / AwsSecurityFinding):
 * - ProductArn is the account's default product, arn:<partition>:securityhub:<region>:<account>:product/<account>/default,
 *   and a finding can only be imported by the account it belongs to (AwsAccountId), in that region;
 * - at most 100 findings per call (docs/report.md shows how to split the file per account and batch);
 * - length limits: Title 256, Description 1024, Id and GeneratorId 512, Recommendation text 512,
 *   ProductFields values 2048, RelatedRequirements 32 entries, Resources 32.
 * The import region is FTR_SECURITYHUB_REGION, else the partition's home region (us-east-1 for aws).
 */
import type { CheckInfo } from '../core/assessment.js';
import { UserError } from '../core/errors.js';
import type { CheckStatus, Severity } from '../core/finding.js';
import { writeJsonDocument } from '../io/json-stream-writer.js';
import type { FindingRow, ReportModel } from './model.js';
import { partitionOf, resultUid } from './ocsf.js';

export const ASFF_SCHEMA_VERSION = '2018-10-08';
export const ASFF_REGION_VARIABLE = 'FTR_SECURITYHUB_REGION';

export type AsffComplianceStatus = 'PASSED' | 'WARNING' | 'FAILED' | 'NOT_AVAILABLE';

/**
 * PASSED / FAILED as they are; MANUAL is WARNING ("some information is missing": a person must provide it);
 * UNKNOWN is NOT_AVAILABLE ("could not be performed due to ... an API error"), as is NOT_APPLICABLE, which
 * Security Hub also reports that way (and archives).
 */
export const ASFF_COMPLIANCE_STATUS: Record<CheckStatus, AsffComplianceStatus> = {
  PASS: 'PASSED',
  FAIL: 'FAILED',
  MANUAL: 'WARNING',
  UNKNOWN: 'NOT_AVAILABLE',
  NOT_APPLICABLE: 'NOT_AVAILABLE',
};

const REASON_CODE: Record<CheckStatus, string | null> = {
  PASS: null,
  FAIL: 'FTR_READY_FAILED',
  MANUAL: 'FTR_READY_MANUAL_REVIEW',
  UNKNOWN: 'FTR_READY_COULD_NOT_READ',
  NOT_APPLICABLE: 'FTR_READY_NOT_APPLICABLE',
};

const SEVERITY_LABEL: Record<Severity, string> = {
  critical: 'CRITICAL',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
  info: 'INFORMATIONAL',
};

/** ASFF resource types for the resource types our checks report; anything else is `Other`. */
const RESOURCE_TYPE: Readonly<Record<string, string>> = {
  'AWS::::Account': 'AwsAccount',
  'AWS::::Region': 'AwsAccount',
  'AWS::AutoScaling::AutoScalingGroup': 'AwsAutoScalingAutoScalingGroup',
  'AWS::CloudFront::Distribution': 'AwsCloudFrontDistribution',
  'AWS::CloudTrail::Trail': 'AwsCloudTrailTrail',
  'AWS::DynamoDB::Table': 'AwsDynamoDbTable',
  'AWS::EC2::Instance': 'AwsEc2Instance',
  'AWS::EC2::LaunchTemplate': 'AwsEc2LaunchTemplate',
  'AWS::EC2::NetworkAcl': 'AwsEc2NetworkAcl',
  'AWS::EC2::SecurityGroup': 'AwsEc2SecurityGroup',
  'AWS::EC2::Subnet': 'AwsEc2Subnet',
  'AWS::EC2::Volume': 'AwsEc2Volume',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'AwsElbv2LoadBalancer',
  'AWS::IAM::ManagedPolicy': 'AwsIamPolicy',
  'AWS::IAM::Policy': 'AwsIamPolicy',
  'AWS::IAM::Role': 'AwsIamRole',
  'AWS::IAM::User': 'AwsIamUser',
  'AWS::KMS::Key': 'AwsKmsKey',
  'AWS::Lambda::Function': 'AwsLambdaFunction',
  'AWS::RDS::DBCluster': 'AwsRdsDbCluster',
  'AWS::RDS::DBInstance': 'AwsRdsDbInstance',
  'AWS::S3::Bucket': 'AwsS3Bucket',
};

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

export function homeRegionOf(partition: string): string {
  if (partition === 'aws-us-gov') return 'us-gov-west-1';
  if (partition === 'aws-cn') return 'cn-north-1';
  return 'us-east-1';
}

/** Cuts `text` to `max` characters (an ellipsis marks the cut); ASFF refuses longer values. */
function cut(text: string, max: number): string {
  const clean = text.trim() || '-';
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`;
}

export interface AsffOptions {
  /** The Security Hub region the file will be imported into (default: FTR_SECURITYHUB_REGION, then home region). */
  readonly region?: string | undefined;
}

function resourceOf(f: FindingRow, partition: string): Record<string, unknown> {
  const type = RESOURCE_TYPE[f.resourceType] ?? 'Other';
  // Security Hub names an account resource AWS::::Account:<id>, as its own controls do.
  const id = type === 'AwsAccount' ? `AWS::::Account:${f.accountId}` : (f.resourceArn ?? f.resourceId);
  return {
    Type: type,
    Id: cut(id, 512),
    Partition: partition,
    ...(f.region ? { Region: f.region } : {}),
    ...(type === 'Other' || f.resourceType === 'AWS::::Region' ? { Details: { Other: { ftrReadyResourceType: cut(f.resourceType, 1000), ftrReadyResourceId: cut(f.resourceId, 1000) } } } : {}),
  };
}

/** The findings one by one (render.ts streams them to the file). Checks the region before the first one. */
export function asffFindingStream(model: ReportModel, options: AsffOptions = {}): Iterable<Record<string, unknown>> {
  const partition = partitionOf(model.scope.principal);
  const region = options.region ?? (process.env[ASFF_REGION_VARIABLE] || homeRegionOf(partition));
  if (!REGION.test(region)) throw new UserError(`${ASFF_REGION_VARIABLE}="${region.slice(0, 40)}" is not an AWS region code (e.g. eu-west-1).`);
  const checks = new Map<string, CheckInfo>(model.checks.map((c) => [c.id, c]));
  const at = model.scope.scanFinishedAt;
  const type = `Software and Configuration Checks/Industry and Regulatory Standards/${model.framework.id}`;
  const asffFinding = (f: FindingRow): Record<string, unknown> => {
    const check = checks.get(f.checkId);
    // A passed control is informational, as Security Hub's own controls report it; the check severity stays in Original.
    const label = f.status === 'PASS' || f.status === 'NOT_APPLICABLE' ? 'INFORMATIONAL' : SEVERITY_LABEL[f.severity];
    const severity = { Label: label, Original: f.severity };
    const reason = REASON_CODE[f.status];
    const recommendation = check?.remediation;
    return {
      SchemaVersion: ASFF_SCHEMA_VERSION,
      Id: `ftr-ready/${model.framework.id}/${resultUid(model.framework.id, f)}`,
      ProductArn: `arn:${partition}:securityhub:${region}:${f.accountId}:product/${f.accountId}/default`,
      ProductName: 'ftr-ready',
      CompanyName: 'ftr-ready',
      GeneratorId: cut(`ftr-ready/${f.checkId}`, 512),
      AwsAccountId: f.accountId,
      Types: [type],
      CreatedAt: at,
      UpdatedAt: at,
      Severity: severity,
      Title: cut(check?.title ?? f.checkId, 256),
      Description: cut(f.message, 1024),
      ...(recommendation
        ? { Remediation: { Recommendation: { Text: cut(recommendation.summary, 512), ...(recommendation.docs ? { Url: recommendation.docs } : {}) } } }
        : {}),
      ProductFields: {
        'ftr-ready/CheckId': f.checkId,
        'ftr-ready/Status': f.status,
        'ftr-ready/Framework': model.framework.id,
        'ftr-ready/ItemIds': cut(f.itemIds.join(' '), 2048),
        ...(model.scope.name ? { 'ftr-ready/Scope': cut(model.scope.name, 2048) } : {}),
      },
      Resources: [resourceOf(f, partition)],
      Compliance: {
        Status: ASFF_COMPLIANCE_STATUS[f.status],
        RelatedRequirements: f.itemIds.slice(0, 32).map((id) => `${model.framework.id}/${id}`),
        ...(reason ? { StatusReasons: [{ ReasonCode: reason, Description: cut(f.message, 2048) }] } : {}),
      },
      FindingProviderFields: { Severity: severity, Types: [type] },
      Workflow: { Status: f.suppressed ? 'SUPPRESSED' : 'NEW' },
      RecordState: 'ACTIVE',
    };
  };
  // Not a generator function itself, so a bad region is refused here, before the output file is opened.
  return (function* () {
    for (const f of model.findings) yield asffFinding(f);
  })();
}

export function asffFindings(model: ReportModel, options: AsffOptions = {}): Record<string, unknown>[] {
  return [...asffFindingStream(model, options)];
}

/** Above this many findings the file is written compact (no indentation) to stay small. */
const PRETTY_LIMIT = 5_000;

/** The BatchImportFindings request body, as a file. */
export function renderAsff(model: ReportModel, options: AsffOptions = {}): string {
  const indent = model.findings.length > PRETTY_LIMIT ? undefined : 2;
  return `${JSON.stringify({ Findings: asffFindings(model, options) }, null, indent)}\n`;
}

/** renderAsff's file, written finding by finding (never one 150 MiB string). */
export async function writeAsff(model: ReportModel, path: string, options: AsffOptions = {}): Promise<void> {
  const findings = asffFindingStream(model, options);
  await writeJsonDocument(path, { Findings: [] }, { Findings: findings }, { compact: model.findings.length > PRETTY_LIMIT });
}
