import { parse as parseHcl } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, type Tags } from 'yaml';
import { ALL_CHECKS } from './index.js';
import { REMEDIATION_CODE } from './remediation-code.js';

/** CloudFormation's short-form intrinsic functions as YAML custom tags (scalar and sequence forms). */
const INTRINSICS = ['Ref', 'Sub', 'GetAtt', 'GetAZs', 'Select', 'Join', 'Split', 'If', 'Equals', 'Not', 'And', 'Or', 'FindInMap', 'ImportValue', 'Base64', 'Cidr'];
const CFN_TAGS: Tags = INTRINSICS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: unknown) => ({ [name === 'Ref' ? 'Ref' : `Fn::${name}`]: value }) },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (value: unknown) => ({ [name === 'Ref' ? 'Ref' : `Fn::${name}`]: value }) },
]);

const entries = Object.entries(REMEDIATION_CODE);

describe('remediation as code', () => {
  it('belongs to real checks', () => {
    const ids = new Set(ALL_CHECKS.map((c) => c.id));
    expect(entries.length).toBeGreaterThan(20);
    expect(entries.map(([checkId]) => checkId).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('is the only copy of the fix: a check with a code fix has no free-form iac text of its own', () => {
    const withBoth = ALL_CHECKS.filter((c) => REMEDIATION_CODE[c.id] && c.remediation.iac !== undefined).map((c) => c.id);
    expect(withBoth).toEqual([]);
  });

  it.each(entries)('%s: the CloudFormation snippet parses and declares its resource type', (_id, code) => {
    const doc = parseYaml(code.cloudformation, { customTags: CFN_TAGS, uniqueKeys: true }) as Record<string, { Type?: string; Properties?: unknown }>;
    const types = Object.values(doc).map((r) => r.Type);
    expect(types).toContain(code.cloudformationType);
    for (const r of Object.values(doc)) expect(r.Type).toMatch(/^AWS::\w+::\w+$/);
    // Round-trip check that no intrinsic went unparsed as plain text.
    expect(code.cloudformation).not.toMatch(/\bFn::/);
  });

  it.each(entries)('%s: the Terraform snippet parses and declares its resource type', async (_id, code) => {
    const doc = (await parseHcl('fix.tf', code.terraform)) as { resource?: Record<string, unknown> };
    expect(Object.keys(doc.resource ?? {})).toContain(code.terraformType);
  });

  it('names the resource type the check is about', () => {
    const mismatches: string[] = [];
    for (const [id, code] of entries) {
      const check = ALL_CHECKS.find((c) => c.id === id);
      // Account- and region-level checks are about the service's own resource; the CloudTrail bucket checks about the trail's bucket.
      const about = id.startsWith('cloudtrail_logs_bucket_') ? 'AWS::S3::Bucket' : check?.resourceType.startsWith('AWS::::') ? null : check?.resourceType;
      const sameResource = about === null || about === undefined || code.cloudformationType.startsWith(about.replace(/(Acl|Bucket)$/, ''));
      const family = TERRAFORM_FAMILY[code.cloudformationType];
      if (!sameResource || !family?.test(code.terraformType)) mismatches.push(`${id}: ${code.cloudformationType} / ${code.terraformType} vs ${about ?? 'account'}`);
    }
    expect(mismatches).toEqual([]);
  });
});

/** The Terraform resource family of each CloudFormation type the snippets set. */
const TERRAFORM_FAMILY: Readonly<Record<string, RegExp>> = {
  'AWS::S3::Bucket': /^aws_s3_bucket(_\w+)?$/,
  'AWS::S3::BucketPolicy': /^aws_s3_bucket_policy$/,
  'AWS::CloudTrail::Trail': /^aws_cloudtrail$/,
  'AWS::EC2::Volume': /^aws_ebs_volume$/,
  'AWS::EC2::SecurityGroup': /^aws_(vpc_)?security_group(_ingress_rule)?$/,
  'AWS::EC2::NetworkAclEntry': /^aws_network_acl_rule$/,
  'AWS::EC2::Subnet': /^aws_subnet$/,
  'AWS::EC2::Instance': /^aws_instance$/,
  'AWS::RDS::DBInstance': /^aws_db_instance$/,
  'AWS::DynamoDB::Table': /^aws_dynamodb_table$/,
  'AWS::KMS::Key': /^aws_kms_key$/,
  'AWS::ElasticLoadBalancingV2::Listener': /^aws_lb_listener$/,
  'AWS::CloudFront::Distribution': /^aws_cloudfront_distribution$/,
  'AWS::GuardDuty::Detector': /^aws_guardduty_detector$/,
  'AWS::SecurityHub::Hub': /^aws_securityhub_account$/,
  'AWS::Macie::Session': /^aws_macie2_account$/,
  'AWS::AccessAnalyzer::Analyzer': /^aws_accessanalyzer_analyzer$/,
  'AWS::Config::ConfigurationRecorder': /^aws_config_configuration_recorder$/,
  'AWS::Backup::BackupPlan': /^aws_backup_plan$/,
};
