import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { aSnapshot } from '../../../test/helpers/snapshot-builder.js';
import { sampleAssessment } from '../../../test/fixtures/assessments/sample.js';
import { syntheticAssessment } from '../../../test/fixtures/assessments/synthetic.js';
import { hostileAssessment } from '../../../test/fixtures/assessments/hostile.js';
import type { Assessment } from '../assessment.js';
import type { CollectionError } from '../observed.js';
import type { Snapshot } from '../snapshot.js';
import type * as S from '../slices/index.js';
import { assessmentSchema } from './assessment.js';
import { collectionErrorSchema, isIsoTime } from './primitives.js';
import { GLOBAL_SLICE_SCHEMAS as G, REGIONAL_SLICE_SCHEMAS as R } from './slices/index.js';
import { snapshotSchema } from './snapshot.js';
import { assertType, type SameShape } from './type-sync.js';

type Out<T extends z.ZodType> = z.output<T>;

// Compile-time: every schema has exactly the fields of its TypeScript type. A failure here names the
// slice whose type and schema disagree; add the field to src/core/schemas/ (and to the docs).
assertType<SameShape<Out<typeof collectionErrorSchema>, CollectionError>>();
assertType<SameShape<Out<typeof G.iam>, S.IamSlice>>();
assertType<SameShape<Out<typeof G.account>, S.AccountSlice>>();
assertType<SameShape<Out<typeof G.organizations>, S.OrganizationsSlice>>();
assertType<SameShape<Out<typeof G.support>, S.SupportSlice>>();
assertType<SameShape<Out<typeof G.s3>, S.S3Slice>>();
assertType<SameShape<Out<typeof G.cloudfront>, S.CloudFrontSlice>>();
assertType<SameShape<Out<typeof G.costs>, S.CostsSlice>>();
assertType<SameShape<Out<typeof R.ec2>, S.Ec2Slice>>();
assertType<SameShape<Out<typeof R.elbv2>, S.Elbv2Slice>>();
assertType<SameShape<Out<typeof R.cloudtrail>, S.CloudTrailSlice>>();
assertType<SameShape<Out<typeof R.kms>, S.KmsSlice>>();
assertType<SameShape<Out<typeof R.rds>, S.RdsSlice>>();
assertType<SameShape<Out<typeof R.dynamodb>, S.DynamoDbSlice>>();
assertType<SameShape<Out<typeof R.backup>, S.BackupSlice>>();
assertType<SameShape<Out<typeof R.config>, S.ConfigSlice>>();
assertType<SameShape<Out<typeof R.guardduty>, S.GuardDutySlice>>();
assertType<SameShape<Out<typeof R.securityhub>, S.SecurityHubSlice>>();
assertType<SameShape<Out<typeof R.inspector2>, S.Inspector2Slice>>();
assertType<SameShape<Out<typeof R.macie>, S.MacieSlice>>();
assertType<SameShape<Out<typeof R.accessanalyzer>, S.AccessAnalyzerSlice>>();
assertType<SameShape<Out<typeof R.wellarchitected>, S.WellArchitectedSlice>>();
assertType<SameShape<Out<typeof R.secrets>, S.SecretsSlice>>();
assertType<SameShape<Out<typeof R.lambda>, S.LambdaSlice>>();
assertType<SameShape<Out<typeof R.logs>, S.LogsSlice>>();
assertType<SameShape<Out<typeof R.cloudwatch>, S.CloudWatchSlice>>();
assertType<SameShape<Out<typeof R.cloudformation>, S.CloudFormationSlice>>();
assertType<SameShape<Out<typeof R.autoscaling>, S.AutoScalingSlice>>();
assertType<SameShape<Out<typeof R.codepipeline>, S.CodePipelineSlice>>();
assertType<SameShape<Out<typeof R.tagging>, S.TaggingSlice>>();
assertType<SameShape<Out<typeof snapshotSchema>, Snapshot>>();
assertType<SameShape<Out<typeof assessmentSchema>, Assessment>>();

describe('type-sync helper', () => {
  it('tells apart a missing optional field, a required/optional mismatch and a different value type', () => {
    // Compile-time facts: each @ts-expect-error fails the type-check if SameShape stops seeing the difference.
    // @ts-expect-error a field only in the type
    assertType<SameShape<{ a: string }, { a: string; b?: number }>>();
    // @ts-expect-error optional vs required
    assertType<SameShape<{ a?: string }, { a: string }>>();
    // @ts-expect-error string[] vs number[]
    assertType<SameShape<{ a: string[] }, { readonly a: readonly number[] }>>();
    // @ts-expect-error a nested field only in the schema
    assertType<SameShape<{ a: { b: string; c: string } | null }, { a: { b: string } | null }>>();
    expect(assertType<SameShape<{ a: string[]; b?: string | undefined }, { readonly a: readonly string[]; readonly b?: string }>>()).toBeUndefined();
  });
});

describe('snapshot schema', () => {
  const sample = JSON.parse(gunzipSync(readFileSync(new URL('../../../samples/sample-org.snapshot.json.gz', import.meta.url))).toString('utf8')) as unknown;

  it('accepts the bundled sample and keeps every field of it (nothing the collectors write is dropped)', () => {
    const parsed = snapshotSchema.safeParse(sample);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
    expect(parsed.data).toEqual(sample);
  });

  it('accepts the test builder snapshot', () => {
    expect(snapshotSchema.safeParse(aSnapshot()).success).toBe(true);
  });
});

describe('assessment schema', () => {
  it.each([
    ['sample', sampleAssessment()],
    ['synthetic', syntheticAssessment({ findings: 50, resources: 20, accounts: 2 })],
    ['hostile', hostileAssessment()],
  ])('accepts the %s fixture unchanged', (_name, assessment) => {
    const parsed = assessmentSchema.safeParse(JSON.parse(JSON.stringify(assessment)));
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 3)).toEqual([]);
    expect(parsed.data).toEqual(JSON.parse(JSON.stringify(assessment)));
  });
});

describe('ISO times', () => {
  it.each([
    ['2026-11-01T10:00:00.000Z', true],
    ['2026-11-01T10:00:00.123456+00:00', true],
    ['2026-11-01', true],
    ['2026-02-30T00:00:00Z', false],
    ['yesterday', false],
    ['2026-11-01T25:00:00Z', false],
    ['', false],
  ])('%s is an ISO time: %s', (value, expected) => {
    expect(isIsoTime(value)).toBe(expected);
  });
});
