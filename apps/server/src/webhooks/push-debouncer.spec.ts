import { PushDebouncer } from './push-debouncer';

describe('PushDebouncer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function make() {
    const flushed: Array<{ key: string; tags: string[]; items: number }> = [];
    let now = 0;
    const debouncer = new PushDebouncer<number>(
      { quietMs: 400, maxWaitMs: 2000 },
      (push) => flushed.push({ key: push.key, tags: [...push.tags], items: push.items }),
      (a, b) => a + b,
      () => now,
    );
    const advance = (ms: number) => {
      now += ms;
      jest.advanceTimersByTime(ms);
    };
    return { debouncer, flushed, advance };
  }

  it('collapses a burst into one flush after the quiet time', () => {
    const { debouncer, flushed, advance } = make();
    debouncer.add('r|acme/app', ['1.0'], 1);
    advance(100);
    debouncer.add('r|acme/app', ['1.0', '1'], 1);
    advance(399);
    expect(flushed).toHaveLength(0);
    advance(1);
    expect(flushed).toEqual([{ key: 'r|acme/app', tags: ['1.0', '1'], items: 2 }]);
    expect(debouncer.size).toBe(0);
  });

  it('keeps repositories apart', () => {
    const { debouncer, flushed, advance } = make();
    debouncer.add('a', ['1'], 1);
    debouncer.add('b', ['2'], 1);
    advance(400);
    expect(flushed.map((push) => push.key).sort()).toEqual(['a', 'b']);
  });

  it('flushes a steady stream no later than the maximum wait', () => {
    const { debouncer, flushed, advance } = make();
    for (let i = 0; i < 10; i++) {
      debouncer.add('a', [`t${i}`], 1);
      advance(300);
    }
    expect(flushed.length).toBeGreaterThanOrEqual(1);
    expect(flushed[0].tags.length).toBeLessThanOrEqual(8);
  });

  it('drops pending pushes on clear', () => {
    const { debouncer, flushed, advance } = make();
    debouncer.add('a', ['1'], 1);
    debouncer.clear();
    advance(5000);
    expect(flushed).toHaveLength(0);
  });
});
