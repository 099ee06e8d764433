export const triggerKeys = {
  all: ['triggers'] as const,
  list: () => ['triggers', 'list'] as const,
  types: () => ['triggers', 'types'] as const,
  detail: (type: string, name: string) => ['triggers', 'detail', type, name] as const,
};
