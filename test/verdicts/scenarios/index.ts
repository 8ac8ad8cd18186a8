/** Every area's scenarios, by checklist area (one file per area). */
import type { Scenario } from '../scenario.js';
import { scenarios as cloudtrail } from './cloudtrail.js';
import { scenarios as competencyProgramme } from './competency-programme.js';
import { scenarios as customerAccess } from './customer-access.js';
import { scenarios as dataProtection } from './data-protection.js';
import { scenarios as hostingSupportReview } from './hosting-support-review.js';
import { scenarios as identity } from './identity.js';
import { scenarios as network } from './network.js';
import { scenarios as resilience } from './resilience.js';
import { scenarios as rootAndAccounts } from './root-and-accounts.js';
import { scenarios as s3 } from './s3.js';

export const AREAS: Readonly<Record<string, readonly Scenario[]>> = {
  'hosting, support and architecture review': hostingSupportReview,
  'root user and account contacts': rootAndAccounts,
  'identity and access': identity,
  'CloudTrail': cloudtrail,
  'network security': network,
  'S3 buckets': s3,
  'vulnerability management and data protection': dataProtection,
  'backup and resilience': resilience,
  'access to customer accounts': customerAccess,
  'competency prerequisites and documents': competencyProgramme,
};

export const ALL_SCENARIOS: readonly Scenario[] = Object.values(AREAS).flat();
