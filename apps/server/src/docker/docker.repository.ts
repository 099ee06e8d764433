import { readFileSync } from 'node:fs';
import Dockerode from 'dockerode';
import type {
  DockerConnection,
  DockerContainerDetails,
  DockerContainerSummary,
  DockerEvent,
  DockerEventSubscription,
  DockerImageDetails,
} from './docker.types';

/** Reads the certificate files named in a watcher's configuration. */
export function loadTlsFiles(files: { cafile?: string; certfile?: string; keyfile?: string }): { ca?: string; cert?: string; key?: string } {
  const read = (file?: string) => (file ? readFileSync(file, 'utf8') : undefined);
  return { ca: read(files.cafile), cert: read(files.certfile), key: read(files.keyfile) };
}

function stripSlash(name: string | undefined): string {
  return (name ?? '').replace(/^\//, '');
}

/**
 * The only place that talks to a Docker engine. One instance per engine; everything it returns is
 * mapped to Tidewatch's own types so the rest of the code never sees dockerode's shapes.
 */
export class DockerRepository {
  private readonly docker: Dockerode;
  /** The event stream is idle for long stretches, so it gets a client without the request timeout. */
  private readonly streaming: Dockerode;

  constructor(connection: DockerConnection, timeoutMs = 15000) {
    this.docker = createClient(connection, timeoutMs);
    this.streaming = createClient(connection, undefined);
  }

  async ping(): Promise<void> {
    await this.docker.ping();
  }

  async version(): Promise<{ version: string; apiVersion: string; os: string; arch: string }> {
    const info = await this.docker.version();
    return { version: info.Version, apiVersion: info.ApiVersion, os: info.Os, arch: info.Arch };
  }

  async listContainers(all: boolean): Promise<DockerContainerSummary[]> {
    const containers = await this.docker.listContainers({ all });
    return containers.map((container) => ({
      id: container.Id,
      name: stripSlash(container.Names[0]),
      image: container.Image,
      imageId: container.ImageID,
      state: container.State,
      labels: container.Labels ?? {},
    }));
  }

  /** Returns null when the container no longer exists. */
  async inspectContainer(id: string): Promise<DockerContainerDetails | null> {
    try {
      const info = await this.docker.getContainer(id).inspect();
      return {
        id: info.Id,
        name: stripSlash(info.Name),
        image: info.Config.Image,
        imageId: info.Image,
        configImage: info.Config.Image,
        state: info.State.Status,
        labels: info.Config.Labels ?? {},
        created: info.Created,
        health: info.State.Health?.Status ?? null,
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async inspectImage(id: string): Promise<DockerImageDetails | null> {
    try {
      const info = await this.docker.getImage(id).inspect();
      const variant = (info as { Variant?: string }).Variant;
      return {
        id: info.Id,
        repoTags: info.RepoTags ?? [],
        repoDigests: info.RepoDigests ?? [],
        architecture: info.Architecture || null,
        os: info.Os || null,
        variant: variant || null,
        created: info.Created || null,
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /**
   * Follows the engine's container events. `onEnd` fires once when the stream closes or fails, so
   * the caller can reconnect with back-off.
   */
  async subscribeEvents(onEvent: (event: DockerEvent) => void, onEnd: (error?: Error) => void): Promise<DockerEventSubscription> {
    const stream = (await this.streaming.getEvents({ filters: { type: ['container'] } })) as NodeJS.ReadableStream & { destroy(): void };
    let buffer = '';
    let ended = false;
    const finish = (error?: Error) => {
      if (ended) return;
      ended = true;
      onEnd(error);
    };
    stream.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
        if (!line) continue;
        try {
          const raw = JSON.parse(line) as { Type?: string; Action?: string; Actor?: { ID?: string; Attributes?: Record<string, string> }; time?: number };
          onEvent({
            type: raw.Type ?? '',
            action: raw.Action ?? '',
            id: raw.Actor?.ID ?? '',
            attributes: raw.Actor?.Attributes ?? {},
            time: raw.time ?? 0,
          });
        } catch {
          // A malformed line is skipped; the next watch cycle corrects anything it hid.
        }
      }
    });
    stream.on('error', (error: Error) => finish(error));
    stream.on('end', () => finish());
    stream.on('close', () => finish());
    return {
      close: () => {
        ended = true;
        stream.destroy();
      },
    };
  }
}

function createClient(connection: DockerConnection, timeout: number | undefined): Dockerode {
  if ('socketPath' in connection) return new Dockerode({ socketPath: connection.socketPath, timeout });
  const { host, port, protocol, ca, cert, key } = connection;
  return new Dockerode({ host, port, protocol, ca, cert, key, timeout });
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { statusCode?: number }).statusCode === 404;
}
