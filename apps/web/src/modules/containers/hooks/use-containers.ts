import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { unwrap } from '../../../app/api-error';
import { useLiveStatus } from '../../../app/live-status';
import { containerKeys } from './query-keys';

/** The container list query (also started early by app/early-data.ts, before React renders). */
export function containersQueryOptions() {
  return queryOptions({
    queryKey: containerKeys.list(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/containers', { signal })),
  });
}

/** Every watched container (filtered, sorted and grouped in the browser: the list is one payload). */
export function useContainers() {
  const live = useLiveStatus();
  return useQuery({
    ...containersQueryOptions(),
    // Server-Sent Events keep it fresh; poll only while the stream is down.
    refetchInterval: live === 'live' ? false : 30_000,
  });
}
