import type { components, paths } from '@tidewatch/api-client';

type Schemas = components['schemas'];
export type TriggerRun = Schemas['TriggerRunDto'];
export type HistoryPage = Schemas['HistoryPageDto'];
export type HistoryQuery = NonNullable<paths['/api/history']['get']['parameters']['query']>;
