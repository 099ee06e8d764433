import { useMutation, useMutationState, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { unwrap } from '../../../app/api-error';
import { historyKeys } from '../../history/hooks/query-keys';
import { typeParam } from '../../triggers/types';
import type { Container, RunResult } from '../types';
import { containerKeys } from './query-keys';

const WATCH_ONE = ['containers', 'watch-one'] as const;
const RUN_TRIGGER = ['containers', 'run-trigger'] as const;

export type MutationCallbacks<TData, TVariables> = {
  onSuccess?: (data: TData, variables: TVariables) => void;
  onError?: (error: Error, variables: TVariables) => void;
};

function replaceInList(list: Container[] | undefined, updated: Container): Container[] | undefined {
  return list?.map((container) => (container.id === updated.id ? updated : container));
}

/**
 * "Check now" for one container: re-read it from its engine and check its registry. Callbacks are
 * the mutation's own, so they run even when the row scrolled out of the virtual table meanwhile.
 */
export function useWatchContainer(callbacks: MutationCallbacks<Container, string> = {}) {
  const queryClient = useQueryClient();
  return useMutation<Container, Error, string>({
    mutationKey: WATCH_ONE,
    mutationFn: (id) =>
      unwrap(api.POST('/api/containers/{id}/watch', { params: { path: { id } } })),
    onSuccess: (container, id) => {
      queryClient.setQueryData(containerKeys.detail(container.id), container);
      queryClient.setQueryData<Container[]>(containerKeys.list(), (list) =>
        replaceInList(list, container),
      );
      void queryClient.invalidateQueries({ queryKey: containerKeys.decision(container.id) });
      callbacks.onSuccess?.(container, id);
    },
    onError: callbacks.onError,
  });
}

/** "Check all": sync every watcher and check every container now. */
export function useWatchAll(callbacks: MutationCallbacks<Container[], void> = {}) {
  const queryClient = useQueryClient();
  return useMutation<Container[], Error, void>({
    mutationKey: ['containers', 'watch-all'],
    mutationFn: () => unwrap(api.POST('/api/containers/watch')),
    onSuccess: (containers, variables) => {
      queryClient.setQueryData(containerKeys.list(), containers);
      void queryClient.invalidateQueries({ queryKey: ['containers', 'detail'] });
      void queryClient.invalidateQueries({ queryKey: ['watchers'] });
      callbacks.onSuccess?.(containers, variables);
    },
    onError: callbacks.onError,
  });
}

export type RunTriggerInput = { containerId: string; type: string; name: string };

/** Runs a trigger for a container now (an update trigger: this is the Update button). */
export function useRunContainerTrigger(
  callbacks: MutationCallbacks<RunResult, RunTriggerInput> = {},
) {
  const queryClient = useQueryClient();
  return useMutation<RunResult, Error, RunTriggerInput>({
    mutationKey: RUN_TRIGGER,
    mutationFn: ({ containerId, type, name }) =>
      unwrap(
        api.POST('/api/containers/{id}/triggers/{type}/{name}', {
          params: { path: { id: containerId, type: typeParam(type), name } },
        }),
      ),
    onSuccess: callbacks.onSuccess,
    onError: callbacks.onError,
    onSettled: (_result, _error, { containerId }) => {
      void queryClient.invalidateQueries({ queryKey: historyKeys.all });
      void queryClient.invalidateQueries({ queryKey: containerKeys.detail(containerId) });
    },
  });
}

export type PendingActions = {
  /** Since when a check of this container runs, or null. */
  checkingSince: number | null;
  /** Triggers running for this container now, with their start times. */
  running: Array<RunTriggerInput & { since: number }>;
};

function isRunInput(value: unknown): value is RunTriggerInput {
  return (
    typeof value === 'object' &&
    value !== null &&
    'containerId' in value &&
    'type' in value &&
    'name' in value
  );
}

/** What is in flight for a container, wherever it was started (list row, detail page). */
export function usePendingContainerActions(containerId: string): PendingActions {
  const checks = useMutationState({
    filters: { mutationKey: WATCH_ONE, status: 'pending' },
    select: (mutation) => ({ id: mutation.state.variables, since: mutation.state.submittedAt }),
  });
  const runs = useMutationState({
    filters: { mutationKey: RUN_TRIGGER, status: 'pending' },
    select: (mutation) => ({ input: mutation.state.variables, since: mutation.state.submittedAt }),
  });
  const check = checks.find((entry) => entry.id === containerId);
  return {
    checkingSince: check ? check.since : null,
    running: runs.flatMap(({ input, since }) =>
      isRunInput(input) && input.containerId === containerId ? [{ ...input, since }] : [],
    ),
  };
}

/** Forget a container (the store record only; the engine keeps running it). */
export function useForgetContainer() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, string>({
    mutationFn: (id) => unwrap(api.DELETE('/api/containers/{id}', { params: { path: { id } } })),
    onSuccess: (_result, id) => {
      queryClient.setQueryData<Container[]>(containerKeys.list(), (list) =>
        list?.filter((container) => container.id !== id),
      );
      queryClient.removeQueries({ queryKey: containerKeys.detail(id) });
    },
  });
}
