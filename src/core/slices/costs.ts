/**
 * Snapshot slice for Cost Explorer (global, us-east-1). Costs are context for the report's
 * "attached resources" table, never evidence for a checklist item. A cost we could not read is an
 * Observed error (Cost Explorer not enabled, access denied, resource-level data not opted in): the report
 * shows it as unknown with that reason, never as zero.
 */
import type { Observed } from '../observed.js';

/** A half-open date interval `[start, end)` in `YYYY-MM-DD`, as Cost Explorer takes it. */
export interface CostPeriod {
  readonly start: string;
  readonly end: string;
}

/** One (account, service) cost line of a month. */
export interface ServiceCost {
  /** The linked account the cost belongs to (LINKED_ACCOUNT); the scanned account when not grouped. */
  readonly accountId: string;
  /** Cost Explorer's SERVICE dimension value, e.g. `Amazon Elastic Compute Cloud - Compute`. */
  readonly service: string;
  /** UnblendedCost amount. */
  readonly amount: number;
  readonly currency: string;
}

/** The cost of one resource over the resource-level window (RESOURCE_ID dimension). */
export interface ResourceCostLine {
  readonly accountId: string;
  /** Cost Explorer's RESOURCE_ID: an ARN for most services, an id (`i-0abc`) or bucket name for some. */
  readonly resourceId: string;
  readonly service: string;
  readonly amount: number;
  readonly currency: string;
}

export interface MonthlyCosts {
  /** The last full calendar month. */
  readonly period: CostPeriod;
  readonly lines: readonly ServiceCost[];
  /** The month before, read in the same request (absent in snapshots made before it was asked for). */
  readonly previous?: { readonly period: CostPeriod; readonly lines: readonly ServiceCost[] };
}

export interface ResourceCosts {
  /** The last 14 days (Cost Explorer keeps resource-level data for 14 days only). */
  readonly period: CostPeriod;
  readonly lines: readonly ResourceCostLine[];
}

export interface CostsSlice {
  /**
   * ce:GetCostAndUsage, last full month and the month before, grouped by LINKED_ACCOUNT and SERVICE.
   * `null` = not read from this account: the Organization's management (payer) account is in the same scan
   * and its one read answers for every member (each Cost Explorer request is billed).
   */
  readonly monthly: Observed<MonthlyCosts | null>;
  /**
   * ce:GetCostAndUsageWithResources for the last 14 days, grouped by RESOURCE_ID. An error when the
   * account has not opted in to resource-level data (DataUnavailableException) or access is denied.
   * `null` = not read from this account, as for `monthly`.
   */
  readonly resources: Observed<ResourceCosts | null>;
}
