import { formatDuration, formatRelative } from './time';

describe('formatRelative', () => {
  const now = Date.parse('2026-11-21T12:00:00Z');
  it.each([
    [null, 'never'],
    ['2026-11-21T11:59:50Z', 'just now'],
    ['2026-11-21T11:55:00Z', '5 minutes ago'],
    ['2026-11-21T14:00:00Z', 'in 2 hours'],
    ['2026-11-20T12:00:00Z', 'yesterday'],
    ['not a date', 'not a date'],
  ])('%s → %s', (iso, expected) => {
    expect(formatRelative(iso, now)).toBe(expected);
  });
});

describe('formatDuration', () => {
  it.each([
    [null, '—'],
    [850, '850 ms'],
    [1234, '1.2 s'],
    [42_000, '42 s'],
    [125_000, '2 min 5 s'],
  ])('%s → %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});
