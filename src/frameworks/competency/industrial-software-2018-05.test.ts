import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DeliveryCategory } from '../../core/framework.js';
import { ftrPartnerHosted } from '../ftr/ftr-partner-hosted-2025-08.js';
import { frameworkSchema } from '../schema.js';
import { industrialSoftwareCompetency } from './industrial-software-2018-05.js';

/** The seed lives next to the repository: /work/shared/seeds from /work/main. */
const SEED = fileURLToPath(new URL('../../../../shared/seeds/004_1a963f1b96e83cec.txt', import.meta.url));
const hasSeed = existsSync(SEED);

const COLUMNS = ['multi-tenant-saas', 'single-tenant-saas', 'managed-service', 'customer-deployed'] as const satisfies readonly DeliveryCategory[];

interface SeedRow {
  readonly id: string;
  readonly appliesTo: readonly DeliveryCategory[];
  /** How many Yes/No cells the row had: 4 for technical rows, 0 for prerequisites. */
  readonly flagCount: number;
}

const stripTags = (cell: string): string => cell.replace(/<[^>]*>/g, '').trim();

/** The part of the seed between two headings (each a whole line). */
function region(text: string, startHeading: string, endHeading?: string): string {
  const start = text.indexOf(`\n${startHeading}\n`);
  if (start < 0) throw new Error(`heading not found in seed: ${startHeading}`);
  const end = endHeading === undefined ? text.length : text.indexOf(`\n${endHeading}\n`, start + 1);
  return text.slice(start, end < 0 ? text.length : end);
}

/** Numbered rows (`1.1`, `2.13`; section headers `1.0` excluded) with their Yes/No "Applies to" columns. */
function numberedRows(part: string): SeedRow[] {
  const rows: SeedRow[] = [];
  for (const line of part.split('\n')) {
    const cells = line.split('\t').map(stripTags);
    const match = /^(\d+)\.(\d+)\s/.exec(cells[0] ?? '');
    if (match === null || match[2] === '0') continue;
    const flags = cells.slice(2).filter((cell) => cell === 'Yes' || cell === 'No');
    rows.push({
      id: `${match[1] ?? ''}.${match[2] ?? ''}`,
      appliesTo: COLUMNS.filter((_, index) => flags[index] === 'Yes'),
      flagCount: flags.length,
    });
  }
  return rows;
}

/** The unnumbered "Required Documentation" rows; their cells start with "Yes ..." or "No". */
function documentationRows(part: string): Map<string, DeliveryCategory[]> {
  const rows = new Map<string, DeliveryCategory[]>();
  for (const line of part.split('\n')) {
    const cells = line.split('\t').map(stripTags);
    const name = cells[0] ?? '';
    if (!['Architecture Diagram', 'Deployment Guide', 'Completed Validation Checklist'].includes(name)) continue;
    const flags = cells.slice(2, 6);
    rows.set(name, COLUMNS.filter((_, index) => (flags[index] ?? '').startsWith('Yes')));
  }
  return rows;
}

const seedText = hasSeed ? readFileSync(SEED, 'utf8') : '';
const PREREQUISITES = '# AWS Industrial Software Competency Program Prerequisites';
const CHECKLIST = '# Industrial Software Competency Technology Partner Validation Checklist';

const items = industrialSoftwareCompetency.items;
const technical = items.filter((item) => (item.kind ?? 'technical') === 'technical');
const prerequisites = items.filter((item) => item.kind === 'prerequisite');
const documentation = items.filter((item) => item.kind === 'documentation');
const ftrIds = new Set(ftrPartnerHosted.items.map((item) => item.id));

describe('Industrial Software Competency catalog', () => {
  it('validates against the framework schema', () => {
    expect(frameworkSchema.safeParse(industrialSoftwareCompetency).error?.issues ?? []).toEqual([]);
  });

  it('records checklist v1.0 of May 2018', () => {
    expect(industrialSoftwareCompetency).toMatchObject({ checklistVersion: '1.0', releaseDate: '2018-05' });
  });

  it('shows 1.6 as a gap of the source, never evaluated, and no other gap', () => {
    expect(items.filter((item) => item.notPresentInSource === true).map((item) => item.id)).toEqual(['1.6']);
    expect(items.find((item) => item.id === '1.6')).toMatchObject({ checks: [], appliesTo: [], evidence: [] });
  });

  it('names the FTR twins of every technical item, all existing in the FTR catalog', () => {
    const evaluable = technical.filter((item) => item.notPresentInSource !== true);
    expect(evaluable.filter((item) => item.twins === undefined).map((item) => item.id)).toEqual([]);
    const dangling = evaluable.flatMap((item) => (item.twins ?? []).filter((twin) => !ftrIds.has(twin)).map((twin) => `${item.id} -> ${twin}`));
    expect(dangling).toEqual([]);
    const twinsOf = (id: string) => items.find((item) => item.id === id)?.twins;
    expect(twinsOf('1.2')).toEqual(['ARC-003']);
    expect(twinsOf('3.3')).toEqual(['SUP-001']);
    expect(twinsOf('1.13')).toEqual(['CTL-001']);
  });

  it('has no FTR twin for the competency-only items, which rely on competency-only checks', () => {
    const noTwin = technical.filter((item) => item.notPresentInSource !== true && item.twins?.length === 0).map((item) => item.id);
    expect(noTwin).toEqual(['1.20', '2.2', '2.3', '2.4', '2.5', '2.13', '3.1']);
    const checksOf = (id: string) => (items.find((item) => item.id === id)?.checks ?? []).map((check) => check.id);
    expect(checksOf('2.3')).toContain('logs_centralized_collection');
    expect(checksOf('2.4')).toContain('cloudwatch_alarms_notify_operations');
    expect(checksOf('2.5')).toContain('iac_stacks_manage_infrastructure');
    expect(checksOf('2.2')).toContain('autoscaling_in_use');
    expect(checksOf('3.1')).toContain('deployment_pipeline_in_use');
    expect(checksOf('1.20')).toContain('instance_change_detection_enabled');
    expect(checksOf('2.13')).toContain('backup_cross_account_copy_configured');
  });

  it('keeps the freshness windows: case studies 18 months, thought leadership and rehearsals 12 months', () => {
    const windows = Object.fromEntries(
      items.flatMap((item) => item.evidence).filter((request) => request.expiresAfterMonths !== undefined).map((request) => [request.id, request.expiresAfterMonths]),
    );
    expect(windows).toEqual({
      'PRE-2.1/case-studies': 18,
      'PRE-2.1/production-dates': 18,
      'PRE-3.2/publications': 12,
      '1.25/rehearsal': 12,
      '2.9/az-test': 12,
      '2.13/cross-account-test': 12,
    });
  });

  it('applies the deployment guide to customer-deployed only', () => {
    expect(documentation.find((item) => item.id === 'DOC-DEPLOYMENT-GUIDE')?.appliesTo).toEqual(['customer-deployed']);
  });

  describe.skipIf(!hasSeed)('against the seed checklist (shared/seeds/004_1a963f1b96e83cec.txt)', () => {
    const seedTechnical = hasSeed ? numberedRows(region(seedText, CHECKLIST)) : [];
    const seedPrerequisites = hasSeed ? numberedRows(region(seedText, PREREQUISITES, CHECKLIST)) : [];
    const seedDocumentation = hasSeed ? documentationRows(region(seedText, CHECKLIST)) : new Map<string, DeliveryCategory[]>();

    it('parses a plausible table from the seed', () => {
      expect(seedTechnical.length).toBeGreaterThan(30);
      expect(seedPrerequisites.length).toBeGreaterThan(10);
      expect(seedTechnical.filter((row) => row.flagCount !== 4).map((row) => row.id)).toEqual([]);
      expect(seedPrerequisites.filter((row) => row.flagCount !== 0).map((row) => row.id)).toEqual([]);
    });

    it('has exactly the technical items of the seed, in order, plus the 1.6 gap', () => {
      const ours = technical.filter((item) => item.notPresentInSource !== true).map((item) => item.id);
      expect(ours).toEqual(seedTechnical.map((row) => row.id));
      expect(seedTechnical.map((row) => row.id)).not.toContain('1.6');
      expect(seedTechnical.map((row) => row.id)).toContain('1.7');
    });

    it('copies the applicability matrix item by item', () => {
      const ours = Object.fromEntries(
        technical.filter((item) => item.notPresentInSource !== true).map((item) => [item.id, [...item.appliesTo]]),
      );
      expect(ours).toEqual(Object.fromEntries(seedTechnical.map((row) => [row.id, [...row.appliesTo]])));
      // Every technical item applies to the three partner-run categories; only Customer-Deployed varies.
      const partnerRun = seedTechnical.filter((row) => COLUMNS.slice(0, 3).every((column) => row.appliesTo.includes(column)));
      expect(partnerRun).toHaveLength(seedTechnical.length);
      expect(seedTechnical.filter((row) => row.appliesTo.includes('customer-deployed')).map((row) => row.id)).toEqual([
        '1.10', '1.11', '1.12', '1.16', '1.17', '1.18', '1.21', '1.22', '1.23', '1.24', '2.1', '2.2', '2.5', '2.6', '2.8', '2.10',
      ]);
    });

    it('has exactly the prerequisites of the seed, prefixed PRE-', () => {
      expect(prerequisites.map((item) => item.id)).toEqual(seedPrerequisites.map((row) => `PRE-${row.id}`));
      expect(prerequisites.filter((item) => item.appliesTo.length !== COLUMNS.length).map((item) => item.id)).toEqual([]);
    });

    it('copies the applicability of the required documentation', () => {
      expect(seedDocumentation.size).toBe(3);
      const byName: Record<string, string> = {
        'Architecture Diagram': 'DOC-ARCHITECTURE-DIAGRAM',
        'Deployment Guide': 'DOC-DEPLOYMENT-GUIDE',
        'Completed Validation Checklist': 'DOC-VALIDATION-CHECKLIST',
      };
      const ours = Object.fromEntries(
        Object.entries(byName).map(([name, id]) => [name, [...(documentation.find((item) => item.id === id)?.appliesTo ?? [])]]),
      );
      expect(ours).toEqual(Object.fromEntries(seedDocumentation));
      expect(documentation).toHaveLength(3);
    });
  });

  it.skipIf(hasSeed)('seed file missing: the seed comparison was skipped (expected at ../shared/seeds from the repo root)', () => {
    expect(hasSeed).toBe(false);
  });
});
