/** Snapshot slice for AWS Support (global; the API lives in us-east-1 for the aws partition). */
import type { Observed } from '../observed.js';

/**
 * What the Support API says about the plan:
 * - `basic-or-developer`: DescribeSeverityLevels answered SubscriptionRequiredException (no API access);
 * - `business-or-higher`: the API answered (Business, Enterprise On-Ramp, Enterprise);
 * - `enterprise`: the severity levels include `critical` (Enterprise On-Ramp or Enterprise).
 */
export type SupportPlanTier = 'basic-or-developer' | 'business-or-higher' | 'enterprise';

export interface SupportPlan {
  readonly tier: SupportPlanTier;
  /** Severity codes returned (low, normal, high, urgent, critical); empty for basic-or-developer. */
  readonly severityLevels: readonly string[];
  /** Region the Support API was called in. */
  readonly region: string;
}

export interface SupportSlice {
  readonly plan: Observed<SupportPlan>;
}
