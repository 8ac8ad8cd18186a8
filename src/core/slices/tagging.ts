/**
 * Snapshot slice for the Resource Groups Tagging API (regional): every taggable resource of the region
 * that has or had tags, with its tags. It names and tags the report's resource inventory; no check
 * decides a verdict from it.
 */
import type { Observed } from '../observed.js';

/** One resource as `tag:GetResources` lists it. */
export interface TaggedResource {
  readonly arn: string;
  /** Tag key -> value. Values are untrusted text (the report escapes them). */
  readonly tags: Readonly<Record<string, string>>;
}

export interface TaggingSlice {
  /** tag:GetResources, all pages. */
  readonly resources: Observed<readonly TaggedResource[]>;
}
