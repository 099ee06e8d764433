import type { components } from '@tidewatch/api-client';

type Schemas = components['schemas'];
export type Trigger = Schemas['TriggerDto'];
export type TriggerType = Schemas['TriggerTypeDto'];
export type TriggerField = Schemas['TriggerFieldDto'];
export type TriggerRunResult = Schemas['RunResultDto'];
export type CreateTriggerInput = Schemas['CreateTriggerDto'];
export type UpdateTriggerInput = Schemas['UpdateTriggerDto'];
