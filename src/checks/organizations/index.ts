import type { CheckDefinition } from '../../core/check.js';
import { organizationsAccountPartOfOrganization } from './organizations-account-part-of-organization.js';

/** The organizations checks. */
export const organizationsChecks: readonly CheckDefinition[] = [organizationsAccountPartOfOrganization];
