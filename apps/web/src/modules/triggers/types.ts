import type { components, paths } from '@tidewatch/api-client';

type Schemas = components['schemas'];
export type Trigger = Schemas['TriggerDto'];
export type TriggerType = Schemas['TriggerTypeDto'];
export type TriggerField = Schemas['TriggerFieldDto'];
export type TriggerRunResult = Schemas['RunResultDto'];
export type CreateTriggerInput = Schemas['CreateTriggerDto'];
export type UpdateTriggerInput = Schemas['UpdateTriggerDto'];

/** The trigger types this server knows, as its API spells them in paths. */
export type TriggerTypeName =
  paths['/api/triggers/{type}/{name}']['get']['parameters']['path']['type'];

/**
 * A trigger's `type` as a path parameter. Trigger objects carry their type as a plain string; it
 * always comes from the same server (its list or its types), which validates the path anyway.
 */
export function typeParam(type: string): TriggerTypeName {
  return type as TriggerTypeName;
}
