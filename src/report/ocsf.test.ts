/**
 * OCSF output against the JSON Schema compiled from the vendored OCSF 1.8.0 source (schemas/ocsf/1.8.0):
 * every event validates, and the schema itself rejects broken events (so the validation has teeth).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileAssessment } from '../../test/fixtures/assessments/hostile.js';
import { sampleAssessment } from '../../test/fixtures/assessments/sample.js';
import { compileOcsfClassSchema } from '../../test/helpers/ocsf-schema.js';
import { buildReportModel } from './model.js';
import { OCSF_APPLIED_PROFILES, OCSF_CLASS, OCSF_VERSION, ocsfEvents, renderOcsf } from './ocsf.js';

const SCHEMA_DIR = `schemas/ocsf/${OCSF_VERSION}`;
type Validator = ((data: unknown) => boolean) & { errors?: unknown };
let validate: Validator;

beforeAll(() => {
  const compiled = compileOcsfClassSchema(SCHEMA_DIR, OCSF_CLASS.name, OCSF_APPLIED_PROFILES);
  if (compiled.version !== OCSF_VERSION) throw new Error(`vendored OCSF ${compiled.version} is not ${OCSF_VERSION}`);
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  validate = ajv.compile(compiled.schema) as Validator;
});

const model = buildReportModel(sampleAssessment());
interface OcsfEvent {
  [attribute: string]: unknown;
  class_uid: number;
  type_uid: number;
  metadata: { version: string };
  cloud: { account: { uid: string } };
  finding_info: { uid: string };
  compliance: { requirements: string[]; control: string; status_code: string; status_id: number };
  resources: { name: string }[];
}
const events = ocsfEvents(model) as OcsfEvent[];

describe('OCSF Compliance Finding output', () => {
  it('the vendored schema files carry their Apache-2.0 licence and notice', () => {
    expect(readFileSync(`${SCHEMA_DIR}/LICENSE`, 'utf8')).toContain('Apache License');
    expect(readFileSync(`${SCHEMA_DIR}/NOTICE`, 'utf8')).toContain('Open Cybersecurity Schema Framework');
  });

  it('every event of the sample and of the hostile assessment validates against OCSF 1.8.0 class 2003', () => {
    const hostile = ocsfEvents(buildReportModel(hostileAssessment()));
    for (const event of [...events, ...hostile]) {
      const ok = validate(event);
      expect(ok ? [] : validate.errors).toEqual([]);
    }
  });

  it('one event per check result, with the checklist item ids as the compliance requirements', () => {
    expect(events).toHaveLength(model.findings.length);
    model.findings.forEach((f, i) => {
      const e = events[i]!;
      expect(e.class_uid).toBe(2003);
      expect(e.type_uid).toBe(200301);
      expect(e.compliance.requirements).toEqual(f.itemIds);
      expect(e.compliance.control).toBe(f.checkId);
      expect(e.compliance.status_code).toBe(f.status);
      expect(e.cloud.account.uid).toBe(f.accountId);
      expect(e.resources[0]!.name).toBe(f.resourceId);
      expect(e.metadata.version).toBe('1.8.0');
    });
    expect(new Set(events.map((e) => e.finding_info.uid)).size).toBe(events.length);
  });

  it('maps statuses without turning anything unseen into a pass', () => {
    const byStatus = (status: string) => events.filter((e) => e.compliance.status_code === status);
    for (const e of byStatus('PASS')) expect(e.compliance.status_id).toBe(1);
    for (const e of byStatus('FAIL')) expect(e.compliance.status_id).toBe(3);
    for (const e of byStatus('UNKNOWN')) expect(e.compliance.status_id).toBe(2);
    for (const s of ['MANUAL', 'NOT_APPLICABLE']) for (const e of byStatus(s)) expect(e.compliance.status_id).toBe(99);
    expect(byStatus('FAIL').length).toBeGreaterThan(0);
    expect(byStatus('UNKNOWN').length + byStatus('MANUAL').length).toBeGreaterThan(0);
  });

  it('ids are stable across renders (a result keeps its id from one scan to the next)', () => {
    const again = ocsfEvents(buildReportModel(sampleAssessment({ generatedAt: '2030-01-01T00:00:00.000Z' }))) as OcsfEvent[];
    expect(again.map((e) => e.finding_info.uid)).toEqual(events.map((e) => e.finding_info.uid));
  });

  it('the compiled schema rejects broken events (wrong class, missing uid, unknown attribute, bad enum)', () => {
    const good: OcsfEvent = structuredClone(events[0]!);
    const broken = [
      { ...good, class_uid: 2004 },
      { ...good, finding_info: { title: 'no uid' } },
      { ...good, compliance: { ...good.compliance, status_id: 7 } },
      { ...good, not_an_ocsf_attribute: true },
      { ...good, cloud: { region: 'us-east-1' } },
      Object.fromEntries(Object.entries(good).filter(([k]) => k !== 'metadata')),
    ];
    for (const event of broken) expect(validate(event)).toBe(false);
  });

  it('renders a JSON array with "<" escaped', () => {
    const text = renderOcsf(buildReportModel(hostileAssessment()));
    expect(text).not.toContain('<script>');
    expect(Array.isArray(JSON.parse(text))).toBe(true);
  });
});
