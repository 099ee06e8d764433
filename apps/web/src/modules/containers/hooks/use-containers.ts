import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { unwrap } from '../../../app/api-error';
import { useLiveStatus } from '../../../app/live-status';
import type { Container } from '../types';
import { containerKeys } from './query-keys';

/** Every watched container (filtered, sorted and grouped in the browser: the list is one payload). */
export function useContainers() {
  const live = useLiveStatus();
  return useQuery<Container[], Error>({
    queryKey: containerKeys.list(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/containers', { signal })),
    // Server-Sent Events keep it fresh; poll only while the stream is down.
    refetchInterval: live === 'live' ? false : 30_000,
  });
}
