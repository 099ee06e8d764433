import type { QueryClient } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { containerKeys } from '../modules/containers/hooks/query-keys';
import type { Container } from '../modules/containers/types';
import { historyKeys } from '../modules/history/hooks/query-keys';
import { hostKeys } from '../modules/hosts/hooks/query-keys';
import { setLiveStatus } from './live-status';

/** What `GET /api/events` sends (see apps/server/src/events/events.controller.ts). */
type ContainersEvent = { ids: string[] };
type HistoryEvent = { id: string; trigger: string; status: string; containerName: string | null };

function parse<T>(event: MessageEvent<string>): T | null {
  try {
    return JSON.parse(event.data) as T;
  } catch {
    return null;
  }
}

/**
 * Collects what changed and invalidates the matching queries at most every `delayMs`: a check of
 * a thousand containers is one refetch of the list, not a thousand.
 */
export function createInvalidator(queryClient: QueryClient, delayMs = 300) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let list = false;
  let history = false;
  let hosts = false;
  const details = new Set<string>();
  const flush = () => {
    timer = null;
    if (list) void queryClient.invalidateQueries({ queryKey: containerKeys.list() });
    details.forEach(
      (id) => void queryClient.invalidateQueries({ queryKey: containerKeys.detail(id) }),
    );
    if (history) void queryClient.invalidateQueries({ queryKey: historyKeys.all });
    if (hosts) {
      void queryClient.invalidateQueries({ queryKey: hostKeys.watchers() });
      void queryClient.invalidateQueries({ queryKey: hostKeys.registries() });
    }
    list = history = hosts = false;
    details.clear();
  };
  const schedule = () => {
    timer ??= setTimeout(flush, delayMs);
  };
  return {
    containers(ids: string[]) {
      list = hosts = true;
      ids.forEach((id) => details.add(id));
      schedule();
    },
    removed(ids: string[]) {
      queryClient.setQueryData<Container[]>(containerKeys.list(), (current) =>
        current?.filter((container) => !ids.includes(container.id)),
      );
      ids.forEach((id) => queryClient.removeQueries({ queryKey: containerKeys.detail(id) }));
      hosts = true;
      schedule();
    },
    history() {
      history = true;
      schedule();
    },
    everything() {
      void queryClient.invalidateQueries();
    },
    dispose() {
      if (timer) clearTimeout(timer);
    },
  };
}

const RECONNECT_MAX_MS = 30_000;

/**
 * Follows `GET /api/events` while the app is open and invalidates what changed. The browser
 * reconnects by itself after a dropped connection; if the stream is refused (EventSource gives
 * up), this reconnects with backoff. After any reconnection everything is refreshed (events may
 * have been missed).
 */
export function useLiveEvents(url = '/api/events'): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setLiveStatus('offline');
      return;
    }
    const invalidator = createInvalidator(queryClient);
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let attempts = 0;
    let hadConnection = false;
    let stopped = false;

    const connect = () => {
      setLiveStatus('connecting');
      const current = new EventSource(url, { withCredentials: true });
      source = current;
      current.onopen = () => {
        attempts = 0;
        setLiveStatus('live');
        if (hadConnection) invalidator.everything();
        hadConnection = true;
      };
      current.onerror = () => {
        if (current.readyState === EventSource.CLOSED) {
          setLiveStatus('offline');
          current.close();
          if (stopped) return;
          const delay = Math.min(RECONNECT_MAX_MS, 1000 * 2 ** attempts);
          attempts += 1;
          retryTimer = setTimeout(connect, delay);
        } else {
          setLiveStatus('connecting');
        }
      };
      current.addEventListener('containers', (event) => {
        const data = parse<ContainersEvent>(event as MessageEvent<string>);
        if (data) invalidator.containers(data.ids);
      });
      current.addEventListener('removed', (event) => {
        const data = parse<ContainersEvent>(event as MessageEvent<string>);
        if (data) invalidator.removed(data.ids);
      });
      current.addEventListener('history', (event) => {
        if (parse<HistoryEvent>(event as MessageEvent<string>)) invalidator.history();
      });
      current.addEventListener('heartbeat', () => setLiveStatus('live'));
    };

    connect();
    return () => {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      source?.close();
      invalidator.dispose();
    };
  }, [queryClient, url]);
}
