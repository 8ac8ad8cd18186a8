/**
 * What delegated administrators answered for one member account (collect/organization-posture.ts), as it
 * travels with the account to wherever it is collected: this thread, a scan thread (structured clone), a
 * queue unit (JSON, workers/queue-unit.ts). Pure data and a lookup: no SDK is loaded through this file.
 */
import { observed, type Observed } from '../core/observed.js';
import type { Inspector2Slice } from '../core/slices/inspector2.js';

/** Slices of one member and region read through a delegated administrator, ready to store. */
export interface OrganizationSlices {
  readonly inspector2?: Inspector2Slice | undefined;
}

/** Region -> the slices its delegated administrators answered (positive and complete cases only). */
export interface MemberPosture {
  readonly regional: Readonly<Record<string, OrganizationSlices>>;
}

/** The organization read's slice of `service` for this member in `region`, or undefined: the member reads itself. */
export function organizationSlice(posture: MemberPosture | undefined, region: string, service: string): Observed<unknown> | undefined {
  const slices = posture?.regional[region];
  if (!slices || !Object.hasOwn(slices, service)) return undefined;
  const slice = slices[service as keyof OrganizationSlices];
  return slice === undefined ? undefined : observed(slice);
}
