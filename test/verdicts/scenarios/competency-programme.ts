/**
 * The competency's prerequisites (PRE-*), documentation items (DOC-*), the manual technical items and the
 * numbering gap 1.6: all evidence-driven (attestations), plus the delivery-category rules.
 */
import { COMP, type Scenario } from '../scenario.js';
import { itemOf } from '../scenario.js';
import { standard } from './standard.js';

const PREREQUISITES = ['PRE-1.1', 'PRE-1.2', 'PRE-1.3', 'PRE-2.1', 'PRE-2.2', 'PRE-3.1', 'PRE-3.2', 'PRE-4.1', 'PRE-4.2', 'PRE-4.3', 'PRE-4.4', 'PRE-4.5', 'PRE-5.1'];
const DOCUMENTS = ['DOC-ARCHITECTURE-DIAGRAM', 'DOC-VALIDATION-CHECKLIST'];
const MANUAL_TECHNICAL = ['3.2'];

/** DOC-DEPLOYMENT-GUIDE applies only to customer-deployed solutions. */
const deploymentGuide = (): Scenario[] => {
  const delivery = itemOf(COMP, 'DOC-DEPLOYMENT-GUIDE').appliesTo[0] ?? 'customer-deployed';
  return [
    ...standard(COMP, 'DOC-DEPLOYMENT-GUIDE').map((s) => ({ ...s, delivery })),
    { framework: COMP, item: 'DOC-DEPLOYMENT-GUIDE', kind: 'not-applicable', name: 'a multi-tenant SaaS ships no deployment guide', delivery: 'multi-tenant-saas', reason: 'Does not apply to multi-tenant SaaS' },
  ];
};

export const scenarios: Scenario[] = [
  ...PREREQUISITES.flatMap((id) => standard(COMP, id)),
  ...DOCUMENTS.flatMap((id) => standard(COMP, id)),
  ...deploymentGuide(),
  ...MANUAL_TECHNICAL.flatMap((id) => standard(COMP, id)),
  { framework: COMP, item: '1.6', kind: 'not-applicable', name: 'a numbering gap in the source: shown, never evaluated', reason: 'not present in the source checklist' },
  { framework: COMP, item: '2.9', kind: 'not-applicable', name: 'customer-deployed: the AZ game day is not asked for', delivery: 'customer-deployed', reason: 'Does not apply to customer-deployed' },
];
