import type { Container } from '@tidewatch/api-client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';

export function useContainers() {
  return useQuery<Container[], Error>({
    queryKey: ['containers'],
    queryFn: async () => {
      const { data, error } = await api.GET('/api/containers');
      if (error) throw new Error(error.message);
      return data;
    },
    refetchInterval: 15_000,
  });
}
