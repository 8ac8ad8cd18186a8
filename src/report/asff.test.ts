/** ASFF output against the AwsSecurityFinding rules of the Security Hub API reference (test/helpers/asff-schema.ts). */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hostileAssessment } from '../../test/fixtures/assessments/hostile.js';
import { sampleAssessment } from '../../test/fixtures/assessments/sample.js';
import { ASFF_FILE_SCHEMA } from '../../test/helpers/asff-schema.js';
import { UserError } from '../core/errors.js';
import { ASFF_COMPLIANCE_STATUS, ASFF_REGION_VARIABLE, asffFindings, renderAsff } from './asff.js';
import { buildReportModel } from './model.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateFile = ajv.compile(ASFF_FILE_SCHEMA);
const model = buildReportModel(sampleAssessment());
interface AsffFinding {
  [member: string]: unknown;
  Id: string;
  AwsAccountId: string;
  ProductArn: string;
  Title: string;
  Severity: { Label: string };
  Compliance: { Status: string; RelatedRequirements: string[]; StatusReasons?: { ReasonCode: string }[] };
  ProductFields: Record<string, string>;
  Resources: { Type: string; Id: string }[];
  Workflow: { Status: string };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('ASFF output for Security Hub BatchImportFindings', () => {
  it('the file is a valid BatchImportFindings body for the sample and the hostile assessment', () => {
    for (const assessment of [sampleAssessment(), hostileAssessment()]) {
      const body = JSON.parse(renderAsff(buildReportModel(assessment)));
      const ok = validateFile(body);
      expect(ok ? [] : validateFile.errors).toEqual([]);
    }
  });

  it('one finding per check result, importable by its own account into its default product', () => {
    const findings = asffFindings(model, { region: 'eu-west-1' }) as AsffFinding[];
    expect(findings).toHaveLength(model.findings.length);
    model.findings.forEach((f, i) => {
      const a = findings[i]!;
      expect(a.AwsAccountId).toBe(f.accountId);
      expect(a.ProductArn).toBe(`arn:aws:securityhub:eu-west-1:${f.accountId}:product/${f.accountId}/default`);
      expect(a.Compliance.Status).toBe(ASFF_COMPLIANCE_STATUS[f.status]);
      expect(a.Compliance.RelatedRequirements).toEqual(f.itemIds.map((id) => `ftr-partner-hosted/${id}`));
      expect(a.ProductFields['ftr-ready/CheckId']).toBe(f.checkId);
      expect(a.Workflow.Status).toBe(f.suppressed ? 'SUPPRESSED' : 'NEW');
    });
    expect(new Set(findings.map((a) => a.Id)).size).toBe(findings.length);
  });

  it('maps compliance status so nothing unseen reads as PASSED, and gives every non-pass a reason', () => {
    expect(ASFF_COMPLIANCE_STATUS).toEqual({ PASS: 'PASSED', FAIL: 'FAILED', MANUAL: 'WARNING', UNKNOWN: 'NOT_AVAILABLE', NOT_APPLICABLE: 'NOT_AVAILABLE' });
    const findings = asffFindings(model) as AsffFinding[];
    const reasons = findings.filter((x) => x.Compliance.Status !== 'PASSED').map((a) => a.Compliance.StatusReasons?.[0]?.ReasonCode ?? '');
    expect(reasons.filter((r) => !r.startsWith('FTR_READY_'))).toEqual([]);
    const failed = findings.filter((a) => a.Compliance.Status === 'FAILED');
    expect(failed.length).toBeGreaterThan(0);
    for (const a of failed) expect(a.Severity.Label).not.toBe('INFORMATIONAL');
  });

  it('uses FTR_SECURITYHUB_REGION, else the partition home region, and refuses a value that is not a region', () => {
    vi.stubEnv(ASFF_REGION_VARIABLE, '');
    expect((asffFindings(model)[0] as AsffFinding).ProductArn).toContain(':securityhub:us-east-1:');
    vi.stubEnv(ASFF_REGION_VARIABLE, 'ap-southeast-2');
    expect((asffFindings(model)[0] as AsffFinding).ProductArn).toContain(':securityhub:ap-southeast-2:');
    vi.stubEnv(ASFF_REGION_VARIABLE, 'not a region');
    expect(() => asffFindings(model)).toThrow(UserError);
  });

  it('resource types are ASFF names (account-level results name the account), others are Other', () => {
    const findings = asffFindings(model) as AsffFinding[];
    const types = new Set(findings.map((a) => a.Resources[0]!.Type));
    for (const t of types) expect(t).toMatch(/^(Aws[A-Za-z0-9]+|Other)$/);
    const account = findings.find((a) => a.Resources[0]!.Type === 'AwsAccount');
    expect(account?.Resources[0]!.Id).toMatch(/^AWS::::Account:\d{12}$/);
  });

  it('the schema used here rejects what Security Hub would reject (missing field, long title, bad status)', () => {
    const good = structuredClone(asffFindings(model)[0] as AsffFinding);
    const broken = [
      Object.fromEntries(Object.entries(good).filter(([k]) => k !== 'Title')),
      { ...good, Title: 'x'.repeat(257) },
      { ...good, AwsAccountId: '1234' },
      { ...good, Compliance: { Status: 'PASS' } },
      { ...good, Resources: [] },
      { ...good, CreatedAt: '2026-01-01' },
    ];
    for (const finding of broken) expect(validateFile({ Findings: [finding] })).toBe(false);
  });
});
