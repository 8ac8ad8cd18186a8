/**
 * The catalogs reference exactly the planned check ids (helpers-brief.md, "Planned check ids"), each on the
 * items the plan names. PLANNED_CHECKS is that plan, hard-coded until every check has landed; then the
 * ALL_CHECKS test below becomes the single source and this table can shrink to the mapping.
 */
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS, findCheck } from '../checks/index.js';
import { FRAMEWORKS } from './index.js';
import { checkIdsOf } from '../core/framework.js';

interface Planned {
  /** FTR Partner Hosted items (current or legacy). */
  readonly ftr: readonly string[];
  /** Industrial Software Competency items. */
  readonly comp: readonly string[];
  /** FTR Partner Hosted Alternative items. */
  readonly alt?: readonly string[];
}

const PLANNED_CHECKS: Readonly<Record<string, Planned>> = {
  // identity
  iam_root_mfa_enabled: { ftr: ['ARC-003', 'IAM-001'], comp: ['1.2'] },
  iam_no_root_access_key: { ftr: ['ARC-004'], comp: ['1.1'] },
  iam_avoid_root_usage: { ftr: ['ARC-001'], comp: ['1.1'] },
  iam_user_mfa_enabled_console_access: { ftr: ['IAM-001'], comp: ['1.4'] },
  iam_rotate_access_key_90_days: { ftr: ['IAM-002'], comp: ['1.5'] },
  iam_user_accesskey_unused: { ftr: ['IAM-002', 'IAM-007'], comp: [] },
  iam_user_console_access_unused: { ftr: ['IAM-007'], comp: [] },
  iam_password_policy_strong: { ftr: ['IAM-003'], comp: ['1.5', '1.7'] },
  iam_no_shared_generic_users: { ftr: ['IAM-004'], comp: ['1.3', '1.8'] },
  iam_role_external_trust_requires_external_id: { ftr: ['IAM-005', 'CAA-002'], comp: [] },
  iam_policy_no_full_admin_wildcard: { ftr: ['IAM-006'], comp: ['1.9'] },
  iam_policy_attached_only_to_group_or_roles: { ftr: ['IAM-006'], comp: ['1.3'] },
  iam_user_no_active_access_keys: { ftr: ['IAM-012'], comp: ['1.12'] },
  iam_federation_configured: { ftr: ['IAM-001', 'IAM-012'], comp: ['1.4'] },
  account_alternate_contacts_configured: { ftr: ['ACOM-001'], comp: [] },
  account_contacts_company_owned: { ftr: ['ACOM-002'], comp: [] },
  support_business_plan_enabled: { ftr: ['SUP-001'], comp: ['3.3'] },
  organizations_account_part_of_organization: { ftr: ['ARC-002'], comp: [] },
  // storage
  s3_account_level_public_access_block: { ftr: ['S3-001', 'S3-002'], comp: ['1.18'] },
  s3_bucket_level_public_access_block: { ftr: ['S3-001', 'S3-002'], comp: ['1.18'] },
  s3_bucket_public_access: { ftr: ['S3-001'], comp: ['1.17', '1.18'] },
  s3_bucket_acl_prohibited: { ftr: ['S3-001'], comp: ['1.17'] },
  s3_bucket_default_encryption: { ftr: ['SDAT-002'], comp: ['1.22'] },
  s3_bucket_secure_transport_policy: { ftr: ['SDAT-003'], comp: ['1.22', '1.24'] },
  s3_bucket_versioning_enabled: { ftr: ['BAR-001'], comp: ['2.6'] },
  cloudtrail_multi_region_enabled_logging: { ftr: ['CTL-001', 'IAM-002'], comp: ['1.13'] },
  cloudtrail_logs_bucket_in_other_account: { ftr: ['CTL-002'], comp: ['1.14'] },
  cloudtrail_logs_bucket_versioning_or_mfa_delete: { ftr: ['CTL-003'], comp: ['1.15'] },
  cloudtrail_logs_bucket_not_public: { ftr: ['CTL-003'], comp: [] },
  cloudtrail_log_file_validation_enabled: { ftr: ['CTL-004'], comp: [] },
  cloudtrail_kms_encryption_enabled: { ftr: ['CTL-004', 'SDAT-002'], comp: [] },
  // network / compute
  ec2_securitygroup_no_admin_ports_open_to_internet: { ftr: ['NETSEC-001'], comp: ['1.16', '3.1'] },
  ec2_securitygroup_no_all_ports_open_to_internet: { ftr: ['NETSEC-001'], comp: ['1.16'] },
  ec2_securitygroup_default_restrict_traffic: { ftr: ['NETSEC-001'], comp: ['1.16'] },
  ec2_networkacl_no_admin_ports_open_to_internet: { ftr: ['NETSEC-001'], comp: [] },
  ec2_instance_public_exposure_reviewed: { ftr: ['NETSEC-002'], comp: [] },
  vpc_subnet_no_public_ip_by_default: { ftr: ['NETSEC-002'], comp: [] },
  ec2_ebs_default_encryption: { ftr: ['SDAT-002'], comp: ['1.22'] },
  ec2_ebs_volume_encrypted: { ftr: ['SDAT-002'], comp: ['1.22'] },
  ec2_instance_uses_iam_role: { ftr: ['IAM-012'], comp: ['1.12'] },
  ec2_instance_no_secrets_in_user_data: { ftr: ['IAM-009'], comp: ['1.10'] },
  ec2_launch_template_no_secrets: { ftr: ['IAM-009'], comp: ['1.10'] },
  lambda_function_no_secrets_in_variables: { ftr: ['IAM-009'], comp: ['1.10'] },
  elbv2_listener_tls_or_redirect: { ftr: ['SDAT-003'], comp: ['1.24'] },
  cloudfront_distribution_https_only: { ftr: ['SDAT-003'], comp: ['1.24'] },
  kms_cmk_rotation_enabled: { ftr: ['SDAT-002'], comp: ['1.23'] },
  secrets_managed_store_in_use: { ftr: ['IAM-010'], comp: ['1.11'] },
  ssm_parameter_secrets_use_securestring: { ftr: ['IAM-010'], comp: ['1.11'] },
  // resilience / security services
  rds_instance_backup_enabled: { ftr: ['BAR-001'], comp: ['2.6'] },
  rds_instance_storage_encrypted: { ftr: ['SDAT-002'], comp: ['1.22'] },
  rds_instance_multi_az: { ftr: ['RES-006'], comp: ['2.8'] },
  rds_instance_not_publicly_accessible: { ftr: ['NETSEC-002'], comp: [] },
  dynamodb_table_pitr_enabled: { ftr: ['BAR-001'], comp: ['2.6'] },
  backup_plans_exist: { ftr: ['BAR-001'], comp: ['2.6'] },
  backup_restore_tested_within_12_months: { ftr: ['BAR-002'], comp: ['2.7'] },
  guardduty_is_enabled: { ftr: ['IAM-002'], comp: ['1.20'] },
  securityhub_enabled: { ftr: ['SECOPS-001', 'RCVP-001'], comp: [] },
  inspector2_is_enabled: { ftr: ['SECOPS-001'], comp: [] },
  macie_is_enabled: { ftr: ['SDAT-001'], comp: ['1.21'] },
  accessanalyzer_enabled: { ftr: ['S3-001', 'IAM-005', 'S3-003'], comp: ['1.19'] },
  config_recorder_enabled_all_regions: { ftr: ['S3-003'], comp: ['1.19', '1.20'] },
  wellarchitected_workload_reviewed_within_12_months: { ftr: ['WAFR-001'], comp: [], alt: ['ALT-B-001'] },
  wellarchitected_no_high_risks_in_core_pillars: { ftr: [], comp: [], alt: ['ALT-B-002'] },
  // competency-only
  logs_centralized_collection: { ftr: [], comp: ['2.3'] },
  cloudwatch_alarms_notify_operations: { ftr: [], comp: ['2.4'] },
  iac_stacks_manage_infrastructure: { ftr: [], comp: ['2.5'] },
  autoscaling_in_use: { ftr: [], comp: ['2.2'] },
  autoscaling_group_multi_az: { ftr: ['RES-006'], comp: ['2.8'] },
  deployment_pipeline_in_use: { ftr: [], comp: ['3.1'] },
  s3_public_exposure_monitoring_enabled: { ftr: ['S3-003'], comp: ['1.19'] },
  instance_change_detection_enabled: { ftr: [], comp: ['1.20'] },
  backup_cross_account_copy_configured: { ftr: [], comp: ['2.13'] },
};

const PLANNED_CHECK_IDS: readonly string[] = Object.keys(PLANNED_CHECKS);

const CATALOG_KEY: Readonly<Record<string, keyof Planned>> = {
  'ftr-partner-hosted': 'ftr',
  'industrial-software-competency': 'comp',
  'ftr-partner-hosted-alternative': 'alt',
};

/** Every (catalog, item, check) triple the catalogs declare. */
const declared = FRAMEWORKS.flatMap((framework) =>
  framework.items.flatMap((item) => item.checks.map((check) => `${framework.id} ${item.id} ${check.id}`)),
).sort();

/** Every (catalog, item, check) triple the plan asks for. */
const planned = Object.entries(PLANNED_CHECKS)
  .flatMap(([check, plan]) =>
    FRAMEWORKS.flatMap((framework) => {
      const key = CATALOG_KEY[framework.id];
      const itemIds = key === undefined ? [] : (plan[key] ?? []);
      return itemIds.map((itemId) => `${framework.id} ${itemId} ${check}`);
    }),
  )
  .sort();

const referenced = [...new Set(FRAMEWORKS.flatMap((framework) => framework.items.flatMap(checkIdsOf)))].sort();

describe('check references in the catalogs', () => {
  it('plans 71 checks', () => {
    expect(PLANNED_CHECK_IDS).toHaveLength(72);
  });

  it('every catalog is covered by the mapping', () => {
    expect(FRAMEWORKS.map((framework) => CATALOG_KEY[framework.id])).not.toContain(undefined);
  });

  it('reference only planned check ids', () => {
    expect(referenced.filter((id) => !PLANNED_CHECK_IDS.includes(id))).toEqual([]);
  });

  it('use every planned check somewhere', () => {
    expect(PLANNED_CHECK_IDS.filter((id) => !referenced.includes(id))).toEqual([]);
  });

  it('put each check on exactly the items the plan names', () => {
    expect(declared).toEqual(planned);
  });

  it('resolve every referenced check that is already registered (ALL_CHECKS)', () => {
    const registered = new Set(ALL_CHECKS.map((check) => check.id));
    const landed = referenced.filter((id) => registered.has(id));
    expect(landed.map((id) => findCheck(id)?.id)).toEqual(landed);
    // Registered checks that the plan knows about must be used by a catalog (the reverse of the above).
    const plannedAndRegistered = [...registered].filter((id) => PLANNED_CHECK_IDS.includes(id));
    expect(plannedAndRegistered.filter((id) => !referenced.includes(id))).toEqual([]);
  });
});
