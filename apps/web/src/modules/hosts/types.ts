import type { components } from '@tidewatch/api-client';

type Schemas = components['schemas'];
export type Watcher = Schemas['WatcherDto'];
export type Registry = Schemas['RegistryDto'];
