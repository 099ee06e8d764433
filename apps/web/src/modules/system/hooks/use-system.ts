import type { components } from '@tidewatch/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { unwrap } from '../../../app/api-error';

export type AppInfo = components['schemas']['AppInfoDto'];
export type Health = components['schemas']['HealthDto'];

export function useAppInfo() {
  return useQuery<AppInfo, Error>({
    queryKey: ['app'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/app', { signal })),
    staleTime: Infinity,
  });
}

export function useHealth() {
  return useQuery<Health, Error>({
    queryKey: ['health'],
    queryFn: ({ signal }) => unwrap(api.GET('/health', { signal })),
    refetchInterval: 30_000,
  });
}
