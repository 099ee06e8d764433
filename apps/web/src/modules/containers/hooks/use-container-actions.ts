import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { unwrap } from '../../../app/api-error';
import { historyKeys } from '../../history/hooks/query-keys';
import type { Container, RunResult } from '../types';
import { containerKeys } from './query-keys';

function replaceInList(list: Container[] | undefined, updated: Container): Container[] | undefined {
  return list?.map((container) => (container.id === updated.id ? updated : container));
}

/** "Check now" for one container: re-read it from its engine and check its registry. */
export function useWatchContainer() {
  const queryClient = useQueryClient();
  return useMutation<Container, Error, string>({
    mutationFn: (id) => unwrap(api.POST('/api/containers/{id}/watch', { params: { path: { id } } })),
    onSuccess: (container) => {
      queryClient.setQueryData(containerKeys.detail(container.id), container);
      queryClient.setQueryData<Container[]>(containerKeys.list(), (list) => replaceInList(list, container));
      void queryClient.invalidateQueries({ queryKey: containerKeys.decision(container.id) });
    },
  });
}

/** "Check all": sync every watcher and check every container now. */
export function useWatchAll() {
  const queryClient = useQueryClient();
  return useMutation<Container[], Error, void>({
    mutationFn: () => unwrap(api.POST('/api/containers/watch')),
    onSuccess: (containers) => {
      queryClient.setQueryData(containerKeys.list(), containers);
      void queryClient.invalidateQueries({ queryKey: ['containers', 'detail'] });
      void queryClient.invalidateQueries({ queryKey: ['watchers'] });
    },
  });
}

export type RunTriggerInput = { containerId: string; type: string; name: string };

/** Runs a trigger for a container now (an update trigger: this is the Update button). */
export function useRunContainerTrigger() {
  const queryClient = useQueryClient();
  return useMutation<RunResult, Error, RunTriggerInput>({
    mutationFn: ({ containerId, type, name }) => unwrap(api.POST('/api/containers/{id}/triggers/{type}/{name}', { params: { path: { id: containerId, type, name } } })),
    onSettled: (_result, _error, { containerId }) => {
      void queryClient.invalidateQueries({ queryKey: historyKeys.all });
      void queryClient.invalidateQueries({ queryKey: containerKeys.detail(containerId) });
    },
  });
}

/** Forget a container (the store record only; the engine keeps running it). */
export function useForgetContainer() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, string>({
    mutationFn: (id) => unwrap(api.DELETE('/api/containers/{id}', { params: { path: { id } } })),
    onSuccess: (_result, id) => {
      queryClient.setQueryData<Container[]>(containerKeys.list(), (list) => list?.filter((container) => container.id !== id));
      queryClient.removeQueries({ queryKey: containerKeys.detail(id) });
    },
  });
}
