export const hostKeys = {
  watchers: () => ['watchers'] as const,
  registries: () => ['registries'] as const,
};
