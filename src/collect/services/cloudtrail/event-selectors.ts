/** Summarizes CloudTrail basic or advanced event selectors into "which management events are recorded". */
import type { AdvancedEventSelector, EventSelector } from '@aws-sdk/client-cloudtrail';
import type { EventSelectorSummary } from '../../../core/slices/cloudtrail.js';

function lower(values: readonly string[] | undefined): string[] {
  return (values ?? []).map((v) => v.toLowerCase());
}

/**
 * Basic selectors: `IncludeManagementEvents` (default true) with `ReadWriteType` (default All).
 * Advanced selectors: a selector whose `eventCategory` equals `Management`; a `readOnly` field narrows it
 * to reads (`true`) or writes (`false`); `eventSource` NotEquals lists excluded sources.
 * No selectors at all means nothing is recorded (`None`): AWS always returns the default selector for a trail.
 */
export function summarizeEventSelectors(
  basic: readonly EventSelector[] | undefined,
  advanced: readonly AdvancedEventSelector[] | undefined,
): EventSelectorSummary {
  let reads = false;
  let writes = false;
  const excluded = new Set<string>();
  const isAdvanced = (advanced?.length ?? 0) > 0;

  if (isAdvanced) {
    for (const selector of advanced ?? []) {
      const fields = selector.FieldSelectors ?? [];
      const category = fields.find((f) => f.Field === 'eventCategory');
      if (!category || !lower(category.Equals).includes('management')) continue;
      const readOnly = fields.find((f) => f.Field === 'readOnly');
      const readOnlyValues = lower(readOnly?.Equals);
      if (!readOnly || readOnlyValues.length === 0) {
        reads = true;
        writes = true;
      } else {
        if (readOnlyValues.includes('true')) reads = true;
        if (readOnlyValues.includes('false')) writes = true;
      }
      for (const field of fields) {
        if (field.Field === 'eventSource') for (const source of field.NotEquals ?? []) excluded.add(source);
      }
    }
  } else {
    for (const selector of basic ?? []) {
      if (selector.IncludeManagementEvents === false) continue;
      const rw = selector.ReadWriteType ?? 'All';
      if (rw === 'All' || rw === 'ReadOnly') reads = true;
      if (rw === 'All' || rw === 'WriteOnly') writes = true;
      for (const source of selector.ExcludeManagementEventSources ?? []) excluded.add(source);
    }
  }

  const managementEvents = reads && writes ? 'All' : reads ? 'ReadOnly' : writes ? 'WriteOnly' : 'None';
  return { managementEvents, advanced: isAdvanced, excludedManagementSources: [...excluded].sort() };
}
