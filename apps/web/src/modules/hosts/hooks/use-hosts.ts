import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { unwrap } from '../../../app/api-error';
import type { Registry, Watcher } from '../types';
import { hostKeys } from './query-keys';

export function useWatchers() {
  return useQuery<Watcher[], Error>({
    queryKey: hostKeys.watchers(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/watchers', { signal })),
    // next/last check times move on a schedule the event stream does not announce.
    refetchInterval: 60_000,
  });
}

export function useRegistries() {
  return useQuery<Registry[], Error>({
    queryKey: hostKeys.registries(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/registries', { signal })),
  });
}
