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
