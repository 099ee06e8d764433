import { type AttemptState, afterFailure, lockRemainingMs } from './lockout';

const settings = { threshold: 3, baseMs: 1000, maxMs: 8000, windowMs: 60_000 };

function failTimes(count: number, start = 0, step = 0): AttemptState[] {
  const states: AttemptState[] = [];
  let state: AttemptState | null = null;
  for (let i = 0; i < count; i++) {
    state = afterFailure(state, start + i * step, settings);
    states.push(state);
  }
  return states;
}

describe('lockout back-off', () => {
  it('locks from the threshold on, doubling each time, up to the cap', () => {
    const locks = failTimes(8).map((state) => state.lockedUntil);
    expect(locks).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('reports the time left on a lock', () => {
    const [, , third] = failTimes(3, 5000);
    expect(lockRemainingMs(third, 5000)).toBe(1000);
    expect(lockRemainingMs(third, 5600)).toBe(400);
    expect(lockRemainingMs(third, 7000)).toBe(0);
    expect(lockRemainingMs(null, 0)).toBe(0);
  });

  it('forgets failures after a quiet window, counted from the end of the last lock', () => {
    const [, , third] = failTimes(3);
    expect(afterFailure(third, 1000 + 60_001, settings)).toEqual({ failures: 1, lastFailureAt: 61_001, lockedUntil: 0 });
    expect(afterFailure(third, 1000 + 59_000, settings).failures).toBe(4);
  });
});
