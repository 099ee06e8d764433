/** Connection to one Docker engine: a unix socket, or TCP with optional TLS client certificates. */
export type DockerConnection =
  | { socketPath: string }
  | { host: string; port: number; protocol: 'http' | 'https'; ca?: string; cert?: string; key?: string };

export interface DockerContainerSummary {
  id: string;
  name: string;
  /** What `docker ps` shows: the reference, or the image ID when the tag moved to another image. */
  image: string;
  imageId: string;
  state: string;
  labels: Record<string, string>;
}

export interface DockerContainerDetails extends DockerContainerSummary {
  /** The reference the container was created with (`Config.Image`). */
  configImage: string;
  created: string;
  health: string | null;
}

export interface DockerImageDetails {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  architecture: string | null;
  os: string | null;
  variant: string | null;
  created: string | null;
}

export interface DockerEvent {
  type: string;
  action: string;
  id: string;
  attributes: Record<string, string>;
  time: number;
}

export interface DockerEventSubscription {
  close(): void;
}

// ---------------------------------------------------------------------------------------------
// Recreating containers (the update actions). These mirror the Engine API's wire format (field
// names as the API spells them) because a recreate has to hand the engine back everything it
// reported, including fields Tidewatch does not know about: the named fields are the ones the
// actions read; any other field passes through untouched. They are Tidewatch's types, not
// dockerode's.

/** `Config.Healthcheck` (durations in nanoseconds). */
export interface DockerHealthConfig {
  Test?: string[] | null;
  Interval?: number;
  Timeout?: number;
  Retries?: number;
  StartPeriod?: number;
}

/** A container's or an image's `Config`. */
export interface DockerContainerConfig {
  Hostname?: string;
  Domainname?: string;
  User?: string;
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  ExposedPorts?: Record<string, object> | null;
  Tty?: boolean;
  OpenStdin?: boolean;
  StdinOnce?: boolean;
  Env?: string[] | null;
  Cmd?: string[] | null;
  Entrypoint?: string[] | null;
  Healthcheck?: DockerHealthConfig | null;
  Image?: string;
  Volumes?: Record<string, object> | null;
  WorkingDir?: string;
  OnBuild?: string[] | null;
  Labels?: Record<string, string> | null;
  StopSignal?: string;
  StopTimeout?: number | null;
  Shell?: string[] | null;
  [field: string]: unknown;
}

/** One entry of `HostConfig.Mounts`. */
export interface DockerMountSpec {
  Type: string;
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  [field: string]: unknown;
}

/** `HostConfig`: the named fields are the ones the actions read; the rest passes through. */
export interface DockerHostConfig {
  NetworkMode?: string;
  AutoRemove?: boolean;
  Binds?: string[] | null;
  Mounts?: DockerMountSpec[] | null;
  RestartPolicy?: { Name?: string; MaximumRetryCount?: number } | null;
  [field: string]: unknown;
}

/** One network of a container (`NetworkSettings.Networks[name]` / `EndpointsConfig[name]`). */
export interface DockerEndpointConfig {
  IPAMConfig?: { IPv4Address?: string; IPv6Address?: string; LinkLocalIPs?: string[] } | null;
  Links?: string[] | null;
  Aliases?: string[] | null;
  NetworkID?: string;
  DriverOpts?: Record<string, string> | null;
  MacAddress?: string;
  [field: string]: unknown;
}

/** `POST /containers/create` body. */
export interface DockerCreateContainerBody extends DockerContainerConfig {
  HostConfig?: DockerHostConfig;
  NetworkingConfig?: { EndpointsConfig: Record<string, DockerEndpointConfig> };
}

/** What a container actually mounts (`Mounts` of inspect). */
export interface DockerContainerMount {
  type: string;
  /** Volume name (volumes only). */
  name: string | null;
  source: string;
  destination: string;
  driver: string | null;
  mode: string;
  rw: boolean;
  propagation: string;
}

export interface DockerContainerState {
  status: string;
  running: boolean;
  restarting: boolean;
  exitCode: number;
  error: string;
  startedAt: string;
  finishedAt: string;
  /** `starting` | `healthy` | `unhealthy`, or null without a healthcheck. */
  health: string | null;
  /** Output of the last healthcheck runs (newest last). */
  healthLog: Array<{ exitCode: number; output: string }>;
}

/** Everything needed to recreate a container. */
export interface DockerContainerInspect {
  id: string;
  name: string;
  created: string;
  /** Image ID (`sha256:…`). */
  imageId: string;
  config: DockerContainerConfig;
  hostConfig: DockerHostConfig;
  /** `NetworkSettings.Networks` by network name. */
  networks: Record<string, DockerEndpointConfig>;
  mounts: DockerContainerMount[];
  state: DockerContainerState;
  restartCount: number;
  /** The engine's whole inspect document (for diffs and diagnostics). */
  raw: Record<string, unknown>;
}

/** An image with its default container configuration. */
export interface DockerImageInspect {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  config: DockerContainerConfig;
}

/** Registry credentials for a pull (sent as X-Registry-Auth). */
export type DockerRegistryAuth =
  | { username: string; password: string; serveraddress: string }
  | { identitytoken: string; serveraddress: string };

export interface DockerPullProgress {
  status: string;
  /** Layer ID, when the line is about one layer. */
  layer?: string;
  current?: number;
  total?: number;
}

export interface DockerPullOptions {
  auth?: DockerRegistryAuth;
  /** Whole pull (default 10 min). */
  timeoutMs?: number;
  /** Longest gap between two progress lines (default 60 s): catches a stalled registry. */
  idleTimeoutMs?: number;
  onProgress?: (progress: DockerPullProgress) => void;
  signal?: AbortSignal;
}

/** Result of a command run through `docker exec` or a one-off container. */
export interface DockerCommandResult {
  /** null when it did not finish in time. */
  exitCode: number | null;
  /** stdout and stderr interleaved, at most the last 64 KiB. */
  output: string;
  timedOut: boolean;
}

export interface DockerOneOffSpec {
  image: string;
  /** Default: an engine-chosen name. */
  name?: string;
  /** Replaces the image's entrypoint (an empty array clears it). */
  entrypoint?: string[];
  cmd?: string[];
  env?: string[];
  user?: string;
  workingDir?: string;
  labels?: Record<string, string>;
  timeoutMs: number;
}

export type DockerHealthWaitResult =
  | { status: 'healthy' }
  | { status: 'unhealthy'; output: string }
  | { status: 'no-healthcheck' }
  | { status: 'not-running'; exitCode: number; error: string }
  | { status: 'gone' }
  | { status: 'timeout'; health: string | null };
