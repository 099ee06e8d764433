import { renderLinkTemplate } from '@tidewatch/core';
import type { ContainerEntity } from '../database/entities';
import { readLabelSettings } from './container-labels';
import type { DecisionTrace } from '../updates/update-checker';
import type { ContainerDto, DecisionDto } from './container.dto';

/** Entity → WUD-compatible container object. Every key is present; unknown values are null. */
export function toContainerDto(container: ContainerEntity): ContainerDto {
  const settings = readLabelSettings(container.labels);
  const { image } = container;
  return {
    id: container.id,
    name: container.name,
    displayName: settings.displayName ?? container.name,
    displayIcon: settings.displayIcon ?? 'mdi:docker',
    status: container.status,
    watcher: container.watcher,
    includeTags: settings.includeTags ?? null,
    excludeTags: settings.excludeTags ?? null,
    transformTags: settings.transformTags ?? null,
    linkTemplate: settings.linkTemplate ?? null,
    link: renderLinkTemplate(settings.linkTemplate, image.tag.value),
    triggerInclude: settings.triggerInclude ?? null,
    triggerExclude: settings.triggerExclude ?? null,
    image: {
      id: image.id,
      registry: image.registry,
      name: image.name,
      tag: image.tag,
      digest: { watch: image.digest.watch, value: image.digest.value, repo: image.digest.repo },
      architecture: image.architecture,
      os: image.os,
      variant: image.variant,
      created: image.created,
    },
    result: container.result,
    error: container.errorMessage ? { message: container.errorMessage } : null,
    updateAvailable: container.updateAvailable,
    updateKind: container.updateKind,
    labels: container.labels,
    identity: container.identity,
    checkedAt: container.checkedAt,
  };
}

export function toDecisionDto(container: ContainerEntity): DecisionDto {
  const trace = container.decision as DecisionTrace | null;
  return {
    containerId: container.id,
    checkedAt: container.checkedAt,
    checked: container.checkedAt !== null,
    currentTag: trace?.currentTag ?? container.image.tag.value,
    transformedCurrent: trace?.transformedCurrent ?? null,
    tracked: trace?.tracked ?? false,
    candidate: trace?.candidate ?? null,
    reason: trace?.reason ?? null,
    totalTags: trace?.totalTags ?? 0,
    droppedByReason: trace?.droppedByReason ?? {},
    considered: trace?.considered ?? [],
    digest: trace?.digest ?? null,
    error: container.errorMessage,
  };
}
