import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { unwrap } from '../../../app/api-error';
import type { Container, ContainerTrigger, Decision } from '../types';
import { containerKeys } from './query-keys';

export function useContainer(id: string) {
  const queryClient = useQueryClient();
  return useQuery<Container, Error>({
    queryKey: containerKeys.detail(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/containers/{id}', { params: { path: { id } }, signal })),
    // Coming from the list, show the row at once and refresh behind it.
    placeholderData: () =>
      queryClient
        .getQueryData<Container[]>(containerKeys.list())
        ?.find((container) => container.id === id),
  });
}

export function useContainerDecision(id: string) {
  return useQuery<Decision, Error>({
    queryKey: containerKeys.decision(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/containers/{id}/decision', { params: { path: { id } }, signal })),
  });
}

export function useContainerTriggers(id: string, options: { enabled?: boolean } = {}) {
  return useQuery<ContainerTrigger[], Error>({
    queryKey: containerKeys.triggers(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/containers/{id}/triggers', { params: { path: { id } }, signal })),
    enabled: options.enabled ?? true,
    staleTime: 60_000,
  });
}
