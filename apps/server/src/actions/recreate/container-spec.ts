import type {
  DockerContainerConfig,
  DockerContainerInspect,
  DockerCreateContainerBody,
  DockerEndpointConfig,
  DockerHostConfig,
  DockerMountSpec,
} from '../../docker/docker.types';

/** How the replacement container is created. */
export interface RecreatePlan {
  name: string;
  body: DockerCreateContainerBody;
  /** Networks connected after create: API 1.41 accepts a single endpoint at create time. */
  extraNetworks: Array<{ network: string; endpoint: DockerEndpointConfig }>;
  /** Config fields left to the new image because they only repeated the old image's defaults. */
  inheritedFromImage: string[];
  /** Anonymous volumes of the old container handed to the new one by name (their data stays). */
  reattachedVolumes: Array<{ name: string; destination: string }>;
  /** False when the old image was gone, so nothing could be told apart from its defaults. */
  imageDefaultsKnown: boolean;
}

export interface RecreateContext {
  /** The engine's host name: what `Config.Hostname` holds for `--network host` containers. */
  engineHostname?: string;
}

/**
 * Builds the create request for the replacement of `old`, changing only its image.
 *
 * Inspect reports a container's configuration merged with its image's defaults, so copying it
 * verbatim would freeze the OLD image's Env, Cmd, Entrypoint, Labels, WorkingDir, User,
 * Healthcheck, StopSignal, ExposedPorts and Volumes into the new container, hiding whatever the
 * new image changed. Values equal to the old image's defaults are therefore left out and come
 * from the new image, the way `docker run` with the same flags would do it; values the user set
 * (anything that differs from the old image) are kept. The one ambiguity: a user who set a value
 * identical to the old image's default gets the new image's default.
 */
export function buildRecreatePlan(
  old: DockerContainerInspect,
  oldImage: DockerContainerConfig | null,
  targetReference: string,
  context: RecreateContext = {},
): RecreatePlan {
  const config: DockerContainerConfig = structuredClone(old.config);
  const hostConfig: DockerHostConfig = structuredClone(old.hostConfig);
  const inherited: string[] = [];
  config.Image = targetReference;

  const networkMode = hostConfig.NetworkMode ?? 'default';
  const shortId = old.id.slice(0, 12);
  if (networkMode.startsWith('container:')) {
    // Shares another container's UTS namespace: the engine refuses an explicit hostname.
    delete config.Hostname;
    delete config.Domainname;
  } else if (networkMode === 'host') {
    if (config.Hostname && config.Hostname === context.engineHostname) delete config.Hostname;
  } else if (config.Hostname === shortId) {
    delete config.Hostname;
  }

  if (oldImage) stripImageDefaults(config, oldImage, inherited);
  const reattachedVolumes = reattachAnonymousVolumes(old, hostConfig);
  if (Array.isArray(hostConfig.Links)) hostConfig.Links = hostConfig.Links.map(toCreateLink);

  const body: DockerCreateContainerBody = { ...config, HostConfig: hostConfig };
  const extraNetworks: RecreatePlan['extraNetworks'] = [];
  if (!['none', 'host'].includes(networkMode) && !networkMode.startsWith('container:')) {
    const primary = networkMode === 'default' ? 'bridge' : networkMode;
    const endpoints = Object.entries(old.networks).map(([network, settings]) => ({
      network,
      endpoint: endpointFor(settings, old.id),
    }));
    const first = endpoints.find((entry) => entry.network === primary) ?? endpoints[0];
    if (first) body.NetworkingConfig = { EndpointsConfig: { [first.network]: first.endpoint } };
    for (const entry of endpoints) if (entry !== first) extraNetworks.push(entry);
  }
  return {
    name: old.name,
    body,
    extraNetworks,
    inheritedFromImage: inherited,
    reattachedVolumes,
    imageDefaultsKnown: oldImage !== null,
  };
}

function stripImageDefaults(
  config: DockerContainerConfig,
  image: DockerContainerConfig,
  inherited: string[],
): void {
  const imageEnv = new Set(image.Env ?? []);
  if (config.Env) {
    const kept = config.Env.filter((entry) => !imageEnv.has(entry));
    for (const entry of config.Env)
      if (imageEnv.has(entry)) inherited.push(`Env ${entry.split('=')[0]}`);
    if (kept.length > 0) config.Env = kept;
    else delete config.Env;
  }
  if (config.Labels) {
    const imageLabels = image.Labels ?? {};
    const kept: Record<string, string> = {};
    for (const [key, value] of Object.entries(config.Labels)) {
      if (imageLabels[key] === value) inherited.push(`Labels ${key}`);
      else kept[key] = value;
    }
    config.Labels = kept;
  }
  // With an entrypoint of its own the engine does not merge the image's Cmd either, so both are
  // kept as they are; otherwise each is left to the image when it only repeats the old default.
  if (sameValue(config.Entrypoint ?? null, image.Entrypoint ?? null)) {
    if (config.Entrypoint) inherited.push('Entrypoint');
    delete config.Entrypoint;
    if (sameValue(config.Cmd ?? null, image.Cmd ?? null)) {
      if (config.Cmd) inherited.push('Cmd');
      delete config.Cmd;
    }
  }
  for (const key of ['WorkingDir', 'User', 'StopSignal'] as const) {
    if (!config[key] || config[key] === image[key]) {
      if (config[key]) inherited.push(key);
      delete config[key];
    }
  }
  if (config.Healthcheck && sameValue(config.Healthcheck, image.Healthcheck ?? null)) {
    inherited.push('Healthcheck');
    delete config.Healthcheck;
  }
  for (const key of ['ExposedPorts', 'Volumes'] as const) {
    const own = config[key];
    if (!own) continue;
    const fromImage = image[key] ?? {};
    const kept: Record<string, object> = {};
    for (const [entry, value] of Object.entries(own)) {
      if (entry in fromImage) inherited.push(`${key} ${entry}`);
      else kept[entry] = value;
    }
    if (Object.keys(kept).length > 0) config[key] = kept;
    else delete config[key];
  }
  // Build-time settings of the image, never the container's.
  for (const key of ['OnBuild', 'Shell', 'ArgsEscaped'] as const) {
    if (config[key] !== undefined && sameValue(config[key], image[key] ?? null)) delete config[key];
  }
  if (config.OnBuild === null) delete config.OnBuild;
}

/**
 * Anonymous volumes (an image `VOLUME`, `-v /path`, or `--mount type=volume` without a source)
 * would be created afresh, empty, for the new container. They are handed over by name instead,
 * as docker compose does, so the data survives the update.
 */
function reattachAnonymousVolumes(
  old: DockerContainerInspect,
  hostConfig: DockerHostConfig,
): Array<{ name: string; destination: string }> {
  const reattached: Array<{ name: string; destination: string }> = [];
  const bindTargets = new Set((hostConfig.Binds ?? []).map(bindDestination));
  const mounts: DockerMountSpec[] = hostConfig.Mounts ? [...hostConfig.Mounts] : [];
  const anonymousPaths = new Set(Object.keys(old.config.Volumes ?? {}));
  for (const mount of old.mounts) {
    if (mount.type !== 'volume' || !mount.name) continue;
    const declared = mounts.find((spec) => spec.Target === mount.destination);
    if (declared) {
      if (declared.Type === 'volume' && !declared.Source) {
        const index = mounts.indexOf(declared);
        mounts[index] = { ...declared, Source: mount.name };
        reattached.push({ name: mount.name, destination: mount.destination });
      }
      continue;
    }
    if (bindTargets.has(mount.destination) || !anonymousPaths.has(mount.destination)) continue;
    mounts.push({ Type: 'volume', Source: mount.name, Target: mount.destination });
    reattached.push({ name: mount.name, destination: mount.destination });
  }
  if (reattached.length > 0) hostConfig.Mounts = mounts;
  return reattached;
}

function bindDestination(bind: string): string {
  // source:destination[:options] (Linux paths; a Windows drive letter is not expected here)
  const parts = bind.split(':');
  return parts.length >= 2 ? parts[1] : parts[0];
}

/** Inspect reports legacy links as `/other:/me/alias`; create wants `other:alias`. */
function toCreateLink(link: string): string {
  const [target, alias] = link.split(':');
  if (!alias) return link;
  return `${target.replace(/^\//, '')}:${alias.slice(alias.lastIndexOf('/') + 1)}`;
}

function endpointFor(settings: DockerEndpointConfig, containerId: string): DockerEndpointConfig {
  const endpoint: DockerEndpointConfig = {};
  if (settings.IPAMConfig && Object.keys(settings.IPAMConfig).length > 0)
    endpoint.IPAMConfig = settings.IPAMConfig;
  if (settings.Links && settings.Links.length > 0) endpoint.Links = settings.Links;
  // The engine adds the short container ID as an alias on user-defined networks by itself.
  const aliases = (settings.Aliases ?? []).filter((alias) => !containerId.startsWith(alias));
  if (aliases.length > 0) endpoint.Aliases = aliases;
  if (settings.DriverOpts && Object.keys(settings.DriverOpts).length > 0)
    endpoint.DriverOpts = settings.DriverOpts;
  return endpoint;
}

export interface ConfigChange {
  /** `Config.Image`, `Config.Env`, `HostConfig.Mounts`, `NetworkingConfig`… */
  path: string;
  before: unknown;
  after: unknown;
  note?: string;
}

/**
 * What the create request changes compared with the old container's reported configuration
 * (for dry-runs): the image, the defaults left to the new image, re-attached volumes.
 */
export function describeChanges(old: DockerContainerInspect, plan: RecreatePlan): ConfigChange[] {
  const changes: ConfigChange[] = [];
  const { HostConfig: hostConfig, NetworkingConfig: _networking, ...config } = plan.body;
  const keys = new Set([...Object.keys(old.config), ...Object.keys(config)]);
  for (const key of [...keys].sort()) {
    const before = old.config[key];
    const after = config[key];
    if (sameValue(before ?? null, after ?? null)) continue;
    const change: ConfigChange = {
      path: `Config.${key}`,
      before: before ?? null,
      after: after ?? null,
    };
    if (key === 'Image') change.note = 'the only intended change';
    else if (key === 'Hostname') change.note = 'engine-generated; the new container gets its own';
    else if (plan.inheritedFromImage.some((item) => item === key || item.startsWith(`${key} `))) {
      change.note = 'values equal to the old image defaults are left to the new image';
    }
    changes.push(change);
  }
  const hostKeys = new Set([...Object.keys(old.hostConfig), ...Object.keys(hostConfig ?? {})]);
  for (const key of [...hostKeys].sort()) {
    const before = old.hostConfig[key];
    const after = hostConfig?.[key];
    if (sameValue(before ?? null, after ?? null)) continue;
    const change: ConfigChange = {
      path: `HostConfig.${key}`,
      before: before ?? null,
      after: after ?? null,
    };
    if (key === 'Mounts')
      change.note = 'anonymous volumes re-attached by name so their data survives';
    if (key === 'Links') change.note = 'same links, in the create syntax';
    changes.push(change);
  }
  return changes;
}

/** Deep equality for JSON values; object key order does not matter. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!sameValue(left[key] ?? null, right[key] ?? null)) return false;
  return true;
}
