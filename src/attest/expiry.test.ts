import { describe, expect, it } from 'vitest';
import { addMonths, attestationExpiry, dayOf, isCalendarDate, isExpired, itemExpiryMonths } from './expiry.js';

describe('calendar dates', () => {
  it.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-4-1', false],
    ['01/04/2026', false],
  ])('%s is a calendar date: %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it.each([
    ['2025-03-01', 12, '2026-03-01'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-11-15', 18, '2027-05-15'],
    ['2025-12-31', 3, '2026-03-31'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('takes the UTC day of an ISO time', () => {
    expect(dayOf('2026-03-01T23:30:00-02:00')).toBe('2026-03-02');
    expect(dayOf('2026-03-01')).toBe('2026-03-01');
  });
});

describe('attestation expiry', () => {
  const rule12 = { evidence: [{ id: 'a', prompt: 'p', accepts: ['file'] as const, expiresAfterMonths: 18 }, { id: 'b', prompt: 'q', accepts: ['url'] as const, expiresAfterMonths: 12 }] };
  const noRule = { evidence: [{ id: 'a', prompt: 'p', accepts: ['text'] as const }] };

  it('uses the strictest rule of the item', () => {
    expect(itemExpiryMonths(rule12)).toBe(12);
    expect(itemExpiryMonths(noRule)).toBeNull();
  });

  it('derives the expiry from the date and the rule, or the earlier explicit expiry', () => {
    expect(attestationExpiry({ date: '2025-06-10', expires: null }, rule12)).toBe('2026-06-10');
    expect(attestationExpiry({ date: '2025-06-10', expires: '2025-12-31' }, rule12)).toBe('2025-12-31');
    expect(attestationExpiry({ date: '2025-06-10', expires: '2027-01-01' }, rule12)).toBe('2026-06-10');
    expect(attestationExpiry({ date: '2025-06-10', expires: null }, noRule)).toBeNull();
    expect(attestationExpiry({ date: '2025-06-10', expires: '2026-01-01' }, noRule)).toBe('2026-01-01');
  });

  it('is valid through the expiry day and expired from the next day (fixed now)', () => {
    expect(isExpired('2026-06-10', '2026-06-10T23:59:59Z')).toBe(false);
    expect(isExpired('2026-06-10', '2026-06-11T00:00:00Z')).toBe(true);
    expect(isExpired(null, '2099-01-01T00:00:00Z')).toBe(false);
  });
});
