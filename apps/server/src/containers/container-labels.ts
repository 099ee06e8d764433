/** Per-container settings read from labels; `tidewatch.*` wins over its `wud.*` twin. */
export interface ContainerLabelSettings {
  watch?: boolean;
  watchDigest?: boolean;
  includeTags?: string;
  excludeTags?: string;
  transformTags?: string;
  linkTemplate?: string;
  displayName?: string;
  displayIcon?: string;
  triggerInclude?: string;
  triggerExclude?: string;
}

const KEYS = {
  watch: 'watch',
  watchDigest: 'watch.digest',
  includeTags: 'tag.include',
  excludeTags: 'tag.exclude',
  transformTags: 'tag.transform',
  linkTemplate: 'link.template',
  displayName: 'display.name',
  displayIcon: 'display.icon',
  triggerInclude: 'trigger.include',
  triggerExclude: 'trigger.exclude',
} as const satisfies Record<keyof ContainerLabelSettings, string>;

export function readLabel(labels: Record<string, string>, key: string): string | undefined {
  const value = labels[`tidewatch.${key}`] ?? labels[`wud.${key}`];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function readBoolean(labels: Record<string, string>, key: string): boolean | undefined {
  const value = readLabel(labels, key)?.toLowerCase();
  if (value === undefined) return undefined;
  if (['true', '1', 'yes'].includes(value)) return true;
  if (['false', '0', 'no'].includes(value)) return false;
  return undefined;
}

export function readLabelSettings(labels: Record<string, string>): ContainerLabelSettings {
  return {
    watch: readBoolean(labels, KEYS.watch),
    watchDigest: readBoolean(labels, KEYS.watchDigest),
    includeTags: readLabel(labels, KEYS.includeTags),
    excludeTags: readLabel(labels, KEYS.excludeTags),
    transformTags: readLabel(labels, KEYS.transformTags),
    linkTemplate: readLabel(labels, KEYS.linkTemplate),
    displayName: readLabel(labels, KEYS.displayName),
    displayIcon: readLabel(labels, KEYS.displayIcon),
    triggerInclude: readLabel(labels, KEYS.triggerInclude),
    triggerExclude: readLabel(labels, KEYS.triggerExclude),
  };
}

/** Whether a watcher follows a container: its label decides, else the watcher's default. */
export function isWatched(labels: Record<string, string>, watchByDefault: boolean): boolean {
  return readBoolean(labels, KEYS.watch) ?? watchByDefault;
}

/**
 * A container's identity survives recreation: compose project + service (+ replica number when
 * scaled), else watcher + name. History and settings follow the identity, not the Docker ID.
 */
export function containerIdentity(watcher: string, name: string, labels: Record<string, string>): string {
  const project = labels['com.docker.compose.project'];
  const service = labels['com.docker.compose.service'];
  if (project && service) {
    const replica = labels['com.docker.compose.container-number'];
    return `${watcher}/compose/${project}/${service}${replica && replica !== '1' ? `/${replica}` : ''}`;
  }
  return `${watcher}/${name}`;
}
