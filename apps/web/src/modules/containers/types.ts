import type { components } from '@tidewatch/api-client';

type Schemas = components['schemas'];
export type Container = Schemas['ContainerDto'];
export type Decision = Schemas['DecisionDto'];
export type DecisionEntry = Schemas['DecisionEntryDto'];
export type ContainerTrigger = Schemas['ContainerTriggerDto'];
export type RunResult = Schemas['RunResultDto'];
