import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { unwrap } from '../../../app/api-error';
import type { ApiToken, AuthStatus, CreateApiTokenInput, CreatedApiToken, Me, Session } from '../types';
import { authKeys } from './query-keys';

export function useAuthStatus() {
  return useQuery<AuthStatus>({ queryKey: authKeys.status(), queryFn: () => unwrap(api.GET('/api/auth/status')), staleTime: 0 });
}

/** After signing in or out everything the app holds was fetched as someone else. */
function useSignedInOrOut() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}

export function useLogin() {
  const changed = useSignedInOrOut();
  return useMutation<Me, Error, { username: string; password: string }>({
    mutationFn: (body) => unwrap(api.POST('/api/auth/login', { body })),
    onSuccess: changed,
  });
}

export function useSetup() {
  const changed = useSignedInOrOut();
  return useMutation<Me, Error, { token: string; username: string; password: string }>({
    mutationFn: (body) => unwrap(api.POST('/api/auth/setup', { body })),
    onSuccess: changed,
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, void>({
    mutationFn: () => unwrap(api.POST('/api/auth/logout')),
    onSuccess: () => {
      queryClient.clear();
    },
  });
}

export function useSessions(enabled: boolean) {
  return useQuery<Session[]>({ queryKey: authKeys.sessions(), queryFn: () => unwrap(api.GET('/api/auth/sessions')), enabled });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, string>({
    mutationFn: (id) => unwrap(api.DELETE('/api/auth/sessions/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.sessions() }),
  });
}

export function useApiTokens(enabled: boolean) {
  return useQuery<ApiToken[]>({ queryKey: authKeys.tokens(), queryFn: () => unwrap(api.GET('/api/auth/tokens')), enabled });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation<CreatedApiToken, Error, CreateApiTokenInput>({
    mutationFn: (body) => unwrap(api.POST('/api/auth/tokens', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.tokens() }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, string>({
    mutationFn: (id) => unwrap(api.DELETE('/api/auth/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.tokens() }),
  });
}
