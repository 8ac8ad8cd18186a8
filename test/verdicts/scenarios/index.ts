/** Every area's scenarios, by checklist area (one file per area). */
import type { Scenario } from '../scenario.js';
import { scenarios as rootAndAccounts } from './root-and-accounts.js';

export const AREAS: Readonly<Record<string, readonly Scenario[]>> = {
  'root user and account contacts': rootAndAccounts,
};

export const ALL_SCENARIOS: readonly Scenario[] = Object.values(AREAS).flat();
