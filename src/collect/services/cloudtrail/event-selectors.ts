/** Summarizes CloudTrail basic or advanced event selectors into "which management events are recorded". */
import type { AdvancedEventSelector, AdvancedFieldSelector, EventSelector } from '@aws-sdk/client-cloudtrail';
import type { EventSelectorSummary } from '../../../core/slices/cloudtrail.js';

function lower(values: readonly string[] | undefined): string[] {
  return (values ?? []).map((v) => v.toLowerCase());
}

const OPERATORS = ['Equals', 'NotEquals', 'StartsWith', 'NotStartsWith', 'EndsWith', 'NotEndsWith'] as const;

/** Whether a field selector only excludes values (NotEquals), as an eventSource exclusion of kms/rdsdata does. */
function onlyNotEquals(field: AdvancedFieldSelector): boolean {
  return OPERATORS.every((op) => op === 'NotEquals' || (field[op]?.length ?? 0) === 0) && (field.NotEquals?.length ?? 0) > 0;
}

/** "eventSource Equals s3.amazonaws.com" */
function describeField(field: AdvancedFieldSelector): string {
  const parts = OPERATORS.flatMap((op) => ((field[op]?.length ?? 0) > 0 ? [`${op} ${(field[op] ?? []).join(', ')}`] : []));
  return `${field.Field ?? '?'} ${parts.join('; ')}`.trim();
}

/** The readOnly values ('true' = reads, 'false' = writes) an advanced selector records; no field = both. */
function readOnlyValues(field: AdvancedFieldSelector | undefined): Set<string> {
  const all = new Set(['true', 'false']);
  if (!field) return all;
  let recorded = all;
  const equals = lower(field.Equals);
  if (equals.length > 0) recorded = new Set(equals.filter((v) => all.has(v)));
  for (const v of lower(field.NotEquals)) recorded.delete(v);
  return recorded;
}

/**
 * Basic selectors: `IncludeManagementEvents` (default true) with `ReadWriteType` (default All).
 * Advanced selectors: a selector whose `eventCategory` equals `Management`; a `readOnly` field (Equals or
 * NotEquals) narrows it to reads (`true`) or writes (`false`); `eventSource` NotEquals lists excluded
 * sources. Any other field (eventSource Equals, eventName, userIdentity.arn, ...) makes the selector record
 * only part of the management events: it is listed in `partialSelectors` and does not count.
 * No selectors at all means nothing is recorded (`None`): AWS always returns the default selector for a trail.
 */
export function summarizeEventSelectors(
  basic: readonly EventSelector[] | undefined,
  advanced: readonly AdvancedEventSelector[] | undefined,
): EventSelectorSummary {
  let reads = false;
  let writes = false;
  const excluded = new Set<string>();
  const partial: string[] = [];
  const isAdvanced = (advanced?.length ?? 0) > 0;

  if (isAdvanced) {
    for (const selector of advanced ?? []) {
      const fields = selector.FieldSelectors ?? [];
      const category = fields.find((f) => f.Field === 'eventCategory');
      if (!category || !lower(category.Equals).includes('management')) continue;
      // Any field but eventCategory, readOnly and an eventSource exclusion narrows the selector to part of
      // the management events (one event source, some principals, some event names): it does not count.
      const narrowing = fields.filter((f) => f.Field !== 'eventCategory' && f.Field !== 'readOnly' && !(f.Field === 'eventSource' && onlyNotEquals(f)));
      if (narrowing.length > 0) {
        partial.push(...narrowing.map(describeField));
        continue;
      }
      const readOnly = fields.find((f) => f.Field === 'readOnly');
      const recorded = readOnlyValues(readOnly);
      if (recorded.has('true')) reads = true;
      if (recorded.has('false')) writes = true;
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
  return {
    managementEvents,
    advanced: isAdvanced,
    excludedManagementSources: [...excluded].sort(),
    ...(partial.length > 0 ? { partialSelectors: partial } : {}),
  };
}
