export const containerKeys = {
  all: ['containers'] as const,
  list: () => ['containers', 'list'] as const,
  detail: (id: string) => ['containers', 'detail', id] as const,
  decision: (id: string) => ['containers', 'detail', id, 'decision'] as const,
  triggers: (id: string) => ['containers', 'detail', id, 'triggers'] as const,
};
