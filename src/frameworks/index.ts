/**
 * The framework registry: every catalog ftr-ready can evaluate, looked up by id (`ftr scan --framework <id>`,
 * `ftr frameworks`).
 */
import type { AutomationLevel, Framework, FrameworkItem } from '../core/framework.js';
import { industrialSoftwareCompetency } from './competency/industrial-software-2018-05.js';
import { ftrPartnerHostedAlternative } from './ftr/ftr-partner-hosted-alternative-2025-08.js';
import { ftrPartnerHosted } from './ftr/ftr-partner-hosted-2025-08.js';

export { REPORT_AREAS, REPORT_AREA_INFO, isReportArea, type ReportArea, type ReportAreaInfo } from './report-areas.js';
export { PARTNER_HOSTED_ALTERNATIVE_ROUTES } from './ftr/ftr-partner-hosted-alternative-2025-08.js';
export { ftrPartnerHosted, ftrPartnerHostedAlternative, industrialSoftwareCompetency };

export const FRAMEWORKS: readonly Framework[] = [ftrPartnerHosted, ftrPartnerHostedAlternative, industrialSoftwareCompetency];

export const FRAMEWORK_IDS: readonly string[] = FRAMEWORKS.map((framework) => framework.id);

/** Thrown by getFramework for an id no catalog has. The CLI maps it to exit code 2 (a usage error). */
export class UnknownFrameworkError extends Error {
  override readonly name = 'UnknownFrameworkError';
  readonly frameworkId: string;
  readonly knownIds: readonly string[];

  constructor(frameworkId: string, knownIds: readonly string[]) {
    super(`Unknown framework "${frameworkId}". Known frameworks: ${knownIds.join(', ')}.`);
    this.frameworkId = frameworkId;
    this.knownIds = knownIds;
  }
}

export function getFramework(id: string): Framework {
  const framework = FRAMEWORKS.find((candidate) => candidate.id === id);
  if (framework === undefined) throw new UnknownFrameworkError(id, FRAMEWORK_IDS);
  return framework;
}

export type ItemKind = NonNullable<FrameworkItem['kind']>;

export interface FrameworkSummary {
  readonly id: string;
  readonly title: string;
  readonly version: string;
  readonly checklistVersion: string;
  readonly releaseDate: string;
  /** Every item, including numbering gaps (`notPresentInSource`). */
  readonly items: number;
  /** Items that can be evaluated (all but numbering gaps), by kind and by automation level. */
  readonly byKind: Readonly<Record<ItemKind, number>>;
  readonly byAutomation: Readonly<Record<AutomationLevel, number>>;
  /** Items kept from an older checklist version. */
  readonly legacy: number;
  readonly notPresentInSource: number;
  readonly gatingQuestions: number;
}

export function summarizeFramework(framework: Framework): FrameworkSummary {
  const byKind: Record<ItemKind, number> = { technical: 0, prerequisite: 0, documentation: 0 };
  const byAutomation: Record<AutomationLevel, number> = { auto: 0, partial: 0, manual: 0 };
  let legacy = 0;
  let notPresentInSource = 0;
  for (const item of framework.items) {
    if (item.notPresentInSource === true) {
      notPresentInSource += 1;
      continue;
    }
    byKind[item.kind ?? 'technical'] += 1;
    byAutomation[item.automation] += 1;
    if (item.legacy === true) legacy += 1;
  }
  return {
    id: framework.id,
    title: framework.title,
    version: framework.version,
    checklistVersion: framework.checklistVersion,
    releaseDate: framework.releaseDate,
    items: framework.items.length,
    byKind,
    byAutomation,
    legacy,
    notPresentInSource,
    gatingQuestions: framework.gatingQuestions.length,
  };
}

export function frameworkSummaries(): FrameworkSummary[] {
  return FRAMEWORKS.map(summarizeFramework);
}
