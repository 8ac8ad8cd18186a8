/**
 * The workload's resource inventory for the report (account, region, type, name, tags, monthly cost).
 * Placeholder until the report work lands: returns no resources.
 */
import type { Finding } from '../core/finding.js';
import type { Snapshot } from '../core/snapshot.js';

export interface InventoryResource {
  readonly accountId: string;
  readonly region: string | null;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly resourceArn: string | null;
  readonly name: string | null;
  readonly tags: Readonly<Record<string, string>>;
}

export function buildInventory(_snapshot: Snapshot, _findings: readonly Finding[]): InventoryResource[] {
  return [];
}
