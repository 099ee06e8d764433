import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { unwrap } from '../../../app/api-error';
import type { HistoryPage, HistoryQuery, TriggerRun } from '../types';
import { historyKeys } from './query-keys';

/** One page of trigger runs (newest first); the previous page stays on screen while the next loads. */
export function useHistory(query: HistoryQuery, options: { enabled?: boolean } = {}) {
  return useQuery<HistoryPage, Error>({
    queryKey: historyKeys.list(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/history', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** Queue a failed delivery again. */
export function useRetryRun() {
  const queryClient = useQueryClient();
  return useMutation<TriggerRun, Error, string>({
    mutationFn: (id) => unwrap(api.POST('/api/history/{id}/retry', { params: { path: { id } } })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: historyKeys.all }),
  });
}
