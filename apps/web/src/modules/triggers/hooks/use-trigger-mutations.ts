import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { unwrap } from '../../../app/api-error';
import { containerKeys } from '../../containers/hooks/query-keys';
import { historyKeys } from '../../history/hooks/query-keys';
import {
  type CreateTriggerInput,
  type Trigger,
  type TriggerRunResult,
  typeParam,
  type UpdateTriggerInput,
} from '../types';
import { keepConfiguration } from '../utils/trigger-form';
import { triggerKeys } from './query-keys';

function useTriggerSaved() {
  const queryClient = useQueryClient();
  return (trigger: Trigger) => {
    queryClient.setQueryData(triggerKeys.detail(trigger.type, trigger.name), trigger);
    queryClient.setQueryData<Trigger[]>(triggerKeys.list(), (list) => {
      if (!list) return list;
      return list.some((item) => item.id === trigger.id)
        ? list.map((item) => (item.id === trigger.id ? trigger : item))
        : [...list, trigger];
    });
    // Which triggers apply to which container may have changed.
    void queryClient.invalidateQueries({ queryKey: ['containers', 'detail'] });
  };
}

export function useCreateTrigger() {
  const saved = useTriggerSaved();
  return useMutation<Trigger, Error, CreateTriggerInput>({
    mutationFn: (body) => unwrap(api.POST('/api/triggers', { body })),
    onSuccess: saved,
  });
}

export type UpdateTriggerVariables = { type: string; name: string; body: UpdateTriggerInput };

export function useUpdateTrigger() {
  const saved = useTriggerSaved();
  return useMutation<Trigger, Error, UpdateTriggerVariables>({
    mutationFn: ({ type, name, body }) =>
      unwrap(
        api.PUT('/api/triggers/{type}/{name}', {
          params: { path: { type: typeParam(type), name } },
          body,
        }),
      ),
    onSuccess: saved,
  });
}

/** Enable or disable a trigger, keeping its settings (stored secrets are left out, so they stay). */
export function useSetTriggerEnabled() {
  const saved = useTriggerSaved();
  return useMutation<Trigger, Error, { trigger: Trigger; enabled: boolean }>({
    mutationFn: ({ trigger, enabled }) =>
      unwrap(
        api.PUT('/api/triggers/{type}/{name}', {
          params: { path: { type: typeParam(trigger.type), name: trigger.name } },
          body: { enabled, configuration: keepConfiguration(trigger) },
        }),
      ),
    onSuccess: saved,
  });
}

export function useDeleteTrigger() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, Pick<Trigger, 'type' | 'name' | 'id'>>({
    mutationFn: ({ type, name }) =>
      unwrap(
        api.DELETE('/api/triggers/{type}/{name}', {
          params: { path: { type: typeParam(type), name } },
        }),
      ),
    onSuccess: (_result, { type, name, id }) => {
      queryClient.setQueryData<Trigger[]>(triggerKeys.list(), (list) =>
        list?.filter((item) => item.id !== id),
      );
      queryClient.removeQueries({ queryKey: triggerKeys.detail(type, name) });
      void queryClient.invalidateQueries({ queryKey: containerKeys.all });
    },
  });
}

/** Sends a sample event through the stored trigger now; the outcome comes back in the answer. */
export function useTestTrigger() {
  const queryClient = useQueryClient();
  return useMutation<
    TriggerRunResult,
    Error,
    Pick<Trigger, 'type' | 'name'> & { containerId?: string }
  >({
    mutationFn: ({ type, name, containerId }) =>
      unwrap(
        api.POST('/api/triggers/{type}/{name}/test', {
          params: { path: { type: typeParam(type), name } },
          body: containerId ? { containerId } : {},
        }),
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: historyKeys.all }),
  });
}
