import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { unwrap } from '../../../app/api-error';
import { type Trigger, type TriggerType, typeParam } from '../types';
import { triggerKeys } from './query-keys';

export function useTriggers() {
  return useQuery<Trigger[], Error>({
    queryKey: triggerKeys.list(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/triggers', { signal })),
  });
}

/** Trigger types and the descriptions of their fields (they drive the forms). */
export function useTriggerTypes() {
  return useQuery<TriggerType[], Error>({
    queryKey: triggerKeys.types(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/triggers/types', { signal })),
    staleTime: Infinity,
  });
}

export function useTrigger(type: string, name: string, options: { enabled?: boolean } = {}) {
  return useQuery<Trigger, Error>({
    queryKey: triggerKeys.detail(type, name),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/triggers/{type}/{name}', {
          params: { path: { type: typeParam(type), name } },
          signal,
        }),
      ),
    enabled: options.enabled ?? true,
  });
}
