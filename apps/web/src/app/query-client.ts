import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: true,
        // Client errors (4xx) will not fix themselves; network trouble and 5xx get one more go.
        retry: (failures, error) =>
          failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
}

let appClient: QueryClient | null = null;

/** The browser app's one query client (created on first use, shared by early-data and App). */
export function getAppQueryClient(): QueryClient {
  appClient ??= createQueryClient();
  return appClient;
}
