import { describe, expect, it } from 'vitest';
import { FRAMEWORK_IDS, FRAMEWORKS, frameworkSummaries, getFramework, UnknownFrameworkError } from './index.js';

describe('framework registry', () => {
  it('lists the three catalogs with unique ids', () => {
    expect(FRAMEWORK_IDS).toEqual(['ftr-partner-hosted', 'ftr-partner-hosted-alternative', 'industrial-software-competency']);
    expect(new Set(FRAMEWORKS.map((framework) => framework.id)).size).toBe(FRAMEWORKS.length);
  });

  it.each(FRAMEWORK_IDS.map((id) => [id]))('getFramework(%s) returns that catalog', (id) => {
    expect(getFramework(id).id).toBe(id);
  });

  it('throws UnknownFrameworkError naming the known ids for an unknown id', () => {
    let error: unknown;
    try {
      getFramework('ftr-customer-deployed');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnknownFrameworkError);
    const unknownError = error as UnknownFrameworkError;
    expect(unknownError.frameworkId).toBe('ftr-customer-deployed');
    expect(unknownError.knownIds).toEqual(FRAMEWORK_IDS);
    expect(unknownError.message).toBe(
      'Unknown framework "ftr-customer-deployed". Known frameworks: ftr-partner-hosted, ftr-partner-hosted-alternative, industrial-software-competency.',
    );
  });

  it('summarises item counts by kind and automation', () => {
    expect(frameworkSummaries()).toEqual([
      {
        id: 'ftr-partner-hosted',
        title: 'AWS Foundational Technical Review: Partner Hosted',
        version: '2025-08',
        checklistVersion: '2025_q3_v1',
        releaseDate: '2025-08',
        items: 53,
        byKind: { technical: 53, prerequisite: 0, documentation: 0 },
        byAutomation: { auto: 8, partial: 27, manual: 18 },
        legacy: 8,
        notPresentInSource: 0,
        gatingQuestions: 2,
      },
      {
        id: 'ftr-partner-hosted-alternative',
        title: 'AWS Foundational Technical Review: Partner Hosted Alternative (SOC 2 or Well-Architected)',
        version: '2025-08',
        checklistVersion: '2025-08-29',
        releaseDate: '2025-08-29',
        items: 3,
        byKind: { technical: 3, prerequisite: 0, documentation: 0 },
        byAutomation: { auto: 0, partial: 2, manual: 1 },
        legacy: 0,
        notPresentInSource: 0,
        gatingQuestions: 2,
      },
      {
        id: 'industrial-software-competency',
        title: 'AWS Industrial Software Competency: Technology Partner Validation Checklist',
        version: '2018-05',
        checklistVersion: '1.0',
        releaseDate: '2018-05',
        items: 57,
        byKind: { technical: 40, prerequisite: 13, documentation: 3 },
        byAutomation: { auto: 6, partial: 26, manual: 24 },
        legacy: 0,
        notPresentInSource: 1,
        gatingQuestions: 0,
      },
    ]);
  });
});
