import type { CheckDefinition } from '../../core/check.js';
import { accountAlternateContactsConfigured } from './account-alternate-contacts-configured.js';
import { accountContactsCompanyOwned } from './account-contacts-company-owned.js';

/** The account checks. */
export const accountChecks: readonly CheckDefinition[] = [accountAlternateContactsConfigured, accountContactsCompanyOwned];
