import type { ContainerEntity } from '../database/entities';
import { readLabelSettings } from './container-labels';
import type { ContainerDto } from './container.dto';

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
    link: null,
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
