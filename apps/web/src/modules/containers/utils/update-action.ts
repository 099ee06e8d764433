import type { ContainerTrigger } from '../types';

/** Trigger types that change the container itself (the others only notify). */
export const UPDATE_TRIGGER_TYPES: readonly string[] = ['docker', 'compose'];

export function isUpdateTrigger(trigger: { type: string }): boolean {
  return UPDATE_TRIGGER_TYPES.includes(trigger.type);
}

/** The trigger the Update button runs: the container's first enabled docker or compose trigger. */
export function pickUpdateTrigger(
  triggers: ContainerTrigger[] | undefined,
): ContainerTrigger | null {
  return triggers?.find((trigger) => isUpdateTrigger(trigger) && trigger.enabled) ?? null;
}
