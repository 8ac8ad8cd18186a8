/**
 * The roles the catalogs give their checks, decided from the checklist text (issue 7 section 1). The table
 * holds the examples and the reviewer's reading of the items around them; the invariants hold for
 * every reference.
 */
import { describe, expect, it } from 'vitest';
import type { CheckRole } from '../core/framework.js';
import { FRAMEWORKS } from './index.js';

const roleOf = (framework: string, item: string, check: string): CheckRole | undefined =>
  FRAMEWORKS.find((f) => f.id === framework)
    ?.items.find((i) => i.id === item)
    ?.checks.find((c) => c.id === check)?.role;

const FTR = 'ftr-partner-hosted';
const COMP = 'industrial-software-competency';

describe('check roles in the catalogs', () => {
  it.each<[string, string, string, CheckRole, string]>([
    [FTR, 'SUP-001', 'support_business_plan_enabled', 'evidence', 'an action plan or Partner-Led Support also meets it'],
    [FTR, 'WAFR-001', 'wellarchitected_workload_reviewed_within_12_months', 'evidence', 'a review outside the tool counts'],
    [FTR, 'SECOPS-001', 'inspector2_is_enabled', 'evidence', 'Snyk, Trivy or OWASP DC are accepted'],
    [FTR, 'SECOPS-001', 'securityhub_enabled', 'advisory', 'Security Hub scans nothing itself'],
    [FTR, 'IAM-002', 'guardduty_is_enabled', 'evidence', '"for example GuardDuty": a SIEM is fine'],
    [FTR, 'IAM-002', 'iam_rotate_access_key_90_days', 'required', 'the 90-day rotation is written in the item'],
    [FTR, 'SDAT-001', 'macie_is_enabled', 'evidence', 'Macie is supporting evidence'],
    [FTR, 'RCVP-001', 'securityhub_enabled', 'evidence', 'a product with no claim needs none'],
    [FTR, 'BAR-001', 'backup_plans_exist', 'evidence', 'native or third-party backups are accepted'],
    [FTR, 'BAR-001', 's3_bucket_versioning_enabled', 'evidence', 'log and artifact buckets need no versioning'],
    [FTR, 'BAR-001', 'dynamodb_table_pitr_enabled', 'evidence', 'AWS Backup may protect the table'],
    [FTR, 'RES-006', 'rds_instance_multi_az', 'evidence', 'only where an SLA is published'],
    [FTR, 'RES-006', 'autoscaling_group_multi_az', 'evidence', 'only where an SLA is published'],
    [FTR, 'SDAT-003', 's3_bucket_secure_transport_policy', 'evidence', 'only buckets with sensitive data matter'],
    [FTR, 'SDAT-003', 'cloudfront_distribution_https_only', 'evidence', 'an S3 website origin only speaks HTTP'],
    [FTR, 'SDAT-002', 'kms_cmk_rotation_enabled', 'advisory', 'rotation is not encryption at rest'],
    [FTR, 'SDAT-002', 'ec2_ebs_default_encryption', 'advisory', 'a region setting, not a store'],
    [FTR, 'NETSEC-002', 'vpc_subnet_no_public_ip_by_default', 'advisory', 'a subnet flag, not a resource'],
    [FTR, 'IAM-012', 'ec2_instance_uses_iam_role', 'evidence', 'appliances make no AWS calls'],
    [FTR, 'IAM-006', 'iam_policy_no_full_admin_wildcard', 'evidence', 'broad grants may be justified'],
    [FTR, 'IAM-005', 'accessanalyzer_enabled', 'advisory', 'IAM-005 does not ask for it'],
    [FTR, 'S3-001', 's3_bucket_public_access', 'required', 'a public bucket needs its justification (a suppression)'],
    [FTR, 'ARC-003', 'iam_root_mfa_enabled', 'required', 'the item asks for exactly this'],
    [FTR, 'NETSEC-001', 'ec2_securitygroup_no_admin_ports_open_to_internet', 'required', 'the item asks for exactly this'],
    [FTR, 'IAM-009', 'lambda_function_no_secrets_in_variables', 'required', 'no credentials in environment variables'],
    [FTR, 'CAA-002', 'iam_role_external_trust_requires_external_id', 'advisory', 'the role lives in customer accounts'],
    [COMP, '1.13', 'cloudtrail_multi_region_enabled_logging', 'required', 'CloudTrail in all accounts and regions'],
    [COMP, '1.15', 'cloudtrail_logs_bucket_versioning_or_mfa_delete', 'required', 'the item asks for exactly this'],
    [COMP, '1.23', 'kms_cmk_rotation_enabled', 'advisory', 'rotation is not key management'],
    [COMP, '1.24', 'elbv2_listener_tls_or_redirect', 'required', 'all data across the VPC boundary is encrypted'],
    [COMP, '2.6', 's3_bucket_versioning_enabled', 'evidence', 'one way of backing up'],
    [COMP, '3.3', 'support_business_plan_enabled', 'required', 'Business Support on at least one account'],
  ])('%s %s: %s is %s (%s)', (framework, item, check, role) => {
    expect(roleOf(framework, item, check)).toBe(role);
  });

  it('competency 3.3 is met by Business Support on one account of several', () => {
    const ref = FRAMEWORKS.find((f) => f.id === COMP)?.items.find((i) => i.id === '3.3')?.checks[0];
    expect(ref).toMatchObject({ id: 'support_business_plan_enabled', role: 'required', passWhen: 'any-resource' });
  });

  it('gives every reference a one-line rationale of its own, and every item with an evidence check its accepted ways', () => {
    const problems: string[] = [];
    for (const framework of FRAMEWORKS) {
      for (const item of framework.items) {
        for (const ref of item.checks) {
          if (ref.rationale.length < 30 || /\n/.test(ref.rationale)) problems.push(`${framework.id} ${item.id} ${ref.id}: rationale`);
        }
        const hasEvidence = item.checks.some((c) => c.role === 'evidence');
        if (hasEvidence && (item.alternatives ?? []).length < 2) problems.push(`${framework.id} ${item.id}: fewer than two accepted ways`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('decides auto items by required checks only', () => {
    const auto = FRAMEWORKS.flatMap((f) => f.items.filter((i) => i.automation === 'auto'));
    expect(auto.length).toBeGreaterThan(10);
    expect(auto.filter((i) => !i.checks.some((c) => c.role === 'required') || i.checks.some((c) => c.role === 'evidence')).map((i) => i.id)).toEqual([]);
  });
});
