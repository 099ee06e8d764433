export const authKeys = {
  all: ['auth'] as const,
  status: () => [...authKeys.all, 'status'] as const,
  sessions: () => [...authKeys.all, 'sessions'] as const,
  tokens: () => [...authKeys.all, 'tokens'] as const,
};
