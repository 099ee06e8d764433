import { QueryClient } from '@tanstack/react-query';
import { containerKeys } from '../modules/containers/hooks/query-keys';
import { historyKeys } from '../modules/history/hooks/query-keys';
import { makeContainer } from '../test-utils';
import { createInvalidator } from './live-events';

describe('live events → queries', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('batches bursts of events into one invalidation per query', () => {
    const client = new QueryClient();
    const invalidate = jest.spyOn(client, 'invalidateQueries').mockResolvedValue(undefined);
    const invalidator = createInvalidator(client, 300);
    invalidator.containers(['a', 'b']);
    invalidator.containers(['b', 'c']);
    invalidator.history();
    expect(invalidate).not.toHaveBeenCalled();
    jest.advanceTimersByTime(300);
    const keys = invalidate.mock.calls.map(([filters]) => filters?.queryKey);
    expect(
      keys.filter((key) => JSON.stringify(key) === JSON.stringify(containerKeys.list())),
    ).toHaveLength(1);
    expect(keys).toEqual(
      expect.arrayContaining([
        containerKeys.detail('a'),
        containerKeys.detail('b'),
        containerKeys.detail('c'),
        historyKeys.all,
        ['watchers'],
        ['registries'],
      ]),
    );
    invalidate.mockClear();
    jest.advanceTimersByTime(1000);
    expect(invalidate).not.toHaveBeenCalled();
  });

  it('drops removed containers from the list at once', () => {
    const client = new QueryClient();
    const [kept, gone] = [makeContainer({ name: 'kept' }), makeContainer({ name: 'gone' })];
    client.setQueryData(containerKeys.list(), [kept, gone]);
    createInvalidator(client).removed([gone.id]);
    expect(client.getQueryData(containerKeys.list())).toEqual([kept]);
  });
});
