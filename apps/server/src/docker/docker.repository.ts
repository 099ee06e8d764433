import { readFileSync } from 'node:fs';
import Dockerode from 'dockerode';
import type {
  DockerCommandResult,
  DockerConnection,
  DockerContainerConfig,
  DockerContainerDetails,
  DockerContainerInspect,
  DockerContainerSummary,
  DockerCreateContainerBody,
  DockerEndpointConfig,
  DockerEvent,
  DockerEventSubscription,
  DockerHealthWaitResult,
  DockerHostConfig,
  DockerImageDetails,
  DockerImageInspect,
  DockerOneOffSpec,
  DockerPullOptions,
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
  // -------------------------------------------------------------------------------------------
  // Recreating containers (the update actions). Calls that may legitimately run longer than the
  // request timeout (stop, pull, exec, wait) use the client without one and carry their own
  // deadline through an AbortSignal.

  /** Everything needed to recreate a container; null when it no longer exists. */
  async inspectContainerFull(idOrName: string): Promise<DockerContainerInspect | null> {
    try {
      const info = (await this.docker.getContainer(idOrName).inspect()) as unknown as RawContainerInspect;
      return mapContainerInspect(info);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** An image with its default container configuration; null when it is not in the engine. */
  async inspectImageFull(reference: string): Promise<DockerImageInspect | null> {
    try {
      const info = (await this.docker.getImage(reference).inspect()) as unknown as RawImageInspect;
      return { id: info.Id, repoTags: info.RepoTags ?? [], repoDigests: info.RepoDigests ?? [], config: info.Config ?? {} };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** The engine's host name and ID (`docker info`). */
  async engineInfo(): Promise<{ id: string; name: string }> {
    const info = (await this.docker.info()) as { ID?: string; Name?: string };
    return { id: info.ID ?? '', name: info.Name ?? '' };
  }

  /**
   * Pulls `reference` (`repo:tag` or `repo@sha256:…`) and resolves once the engine reports the
   * pull complete. Rejects on an error line in the progress stream, on the overall deadline, and
   * when no progress arrives for `idleTimeoutMs` (a stalled registry); aborting the request makes
   * the engine cancel the pull.
   */
  async pullImage(reference: string, options: DockerPullOptions = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? 600_000;
    const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
    const controller = new AbortController();
    let why: string | undefined;
    const abort = (reason: string) => {
      why ??= reason;
      controller.abort();
    };
    const overall = setTimeout(() => abort(`pull of ${reference} timed out after ${timeoutMs} ms`), timeoutMs);
    let idle = setTimeout(() => abort(`pull of ${reference} stalled: no progress for ${idleTimeoutMs} ms`), idleTimeoutMs);
    const onExternalAbort = () => abort(`pull of ${reference} cancelled`);
    options.signal?.addEventListener('abort', onExternalAbort);
    try {
      const pullOptions: Record<string, unknown> = { abortSignal: controller.signal };
      if (options.auth) pullOptions.authconfig = options.auth;
      const stream = await this.streaming.pull(reference, pullOptions);
      await new Promise<void>((resolve, reject) => {
        let buffer = '';
        let failure: string | undefined;
        const handleLine = (line: string) => {
          if (!line.trim()) return;
          let parsed: RawPullLine;
          try {
            parsed = JSON.parse(line) as RawPullLine;
          } catch {
            return;
          }
          if (parsed.error || parsed.errorDetail?.message) {
            failure ??= parsed.errorDetail?.message ?? parsed.error;
            return;
          }
          options.onProgress?.({
            status: parsed.status ?? '',
            layer: parsed.id,
            current: parsed.progressDetail?.current,
            total: parsed.progressDetail?.total,
          });
        };
        stream.on('data', (chunk: Buffer) => {
          clearTimeout(idle);
          idle = setTimeout(() => abort(`pull of ${reference} stalled: no progress for ${idleTimeoutMs} ms`), idleTimeoutMs);
          buffer += chunk.toString('utf8');
          let newline = buffer.indexOf('\n');
          while (newline >= 0) {
            handleLine(buffer.slice(0, newline));
            buffer = buffer.slice(newline + 1);
            newline = buffer.indexOf('\n');
          }
        });
        stream.on('end', () => {
          handleLine(buffer);
          if (failure) reject(new Error(failure));
          else resolve();
        });
        stream.on('error', (error: Error) => reject(new Error(why ?? error.message)));
        stream.on('close', () => {
          if (controller.signal.aborted) reject(new Error(why ?? 'pull aborted'));
        });
      });
    } catch (error) {
      if (why) throw new Error(why);
      throw error;
    } finally {
      clearTimeout(overall);
      clearTimeout(idle);
      options.signal?.removeEventListener('abort', onExternalAbort);
    }
  }

  /** Adds the tag `repository:tag` to an image (e.g. after a pull by digest). */
  async tagImage(reference: string, repository: string, tag: string): Promise<void> {
    await this.docker.getImage(reference).tag({ repo: repository, tag });
  }

  /** Removes an image; false when it did not exist. Throws when it is in use (409). */
  async removeImage(reference: string, options: { force?: boolean } = {}): Promise<boolean> {
    try {
      await this.docker.getImage(reference).remove({ force: options.force ?? false });
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /** Creates a container and returns its ID. */
  async createContainer(name: string | undefined, body: DockerCreateContainerBody): Promise<string> {
    const created = await dial<{ Id: string }>(this.docker, {
      path: '/containers/create?',
      method: 'POST',
      options: { _query: name ? { name } : {}, _body: body },
      statusCodes: { 200: true, 201: true, 400: 'bad parameter', 404: 'no such image', 409: 'conflict', 500: 'server error' },
    });
    return created.Id;
  }

  /** Connects a (created) container to one more network. */
  async connectNetwork(network: string, containerId: string, endpoint: DockerEndpointConfig): Promise<void> {
    // Same wire shape; dockerode's typing just does not allow the engine's nulls.
    const endpointConfig = endpoint as unknown as Dockerode.EndpointSettings;
    await this.docker.getNetwork(network).connect({ Container: containerId, EndpointConfig: endpointConfig });
  }

  /** Starts a container (no-op when it already runs). */
  async startContainer(id: string): Promise<void> {
    try {
      await this.docker.getContainer(id).start();
    } catch (error) {
      if (statusOf(error) === 304) return;
      throw error;
    }
  }

  /**
   * Stops a container the way `docker stop` does: the engine sends the container's own
   * StopSignal, then SIGKILL after `timeoutSeconds` (default: the container's StopTimeout, else
   * 10 s). No-op when it is not running.
   */
  async stopContainer(id: string, timeoutSeconds?: number): Promise<void> {
    const grace = timeoutSeconds ?? (await this.inspectContainerFull(id))?.config.StopTimeout ?? 10;
    const options: { t?: number; abortSignal: AbortSignal } = { abortSignal: AbortSignal.timeout((grace + 30) * 1000) };
    if (timeoutSeconds !== undefined) options.t = timeoutSeconds;
    try {
      await this.streaming.getContainer(id).stop(options);
    } catch (error) {
      if (statusOf(error) === 304) return;
      throw error;
    }
  }

  /** Sends a signal (default SIGKILL); no-op when the container is not running. */
  async killContainer(id: string, signal = 'SIGKILL'): Promise<void> {
    try {
      await this.docker.getContainer(id).kill({ signal });
    } catch (error) {
      if (statusOf(error) === 409 || statusOf(error) === 304) return;
      throw error;
    }
  }

  async renameContainer(id: string, name: string): Promise<void> {
    await this.docker.getContainer(id).rename({ name });
  }

  /**
   * Removes a container; false when it did not exist. `volumes` also removes its anonymous
   * volumes (leave it off when another container took them over).
   */
  async removeContainer(id: string, options: { force?: boolean; volumes?: boolean } = {}): Promise<boolean> {
    try {
      await this.docker.getContainer(id).remove({ force: options.force ?? false, v: options.volumes ?? false });
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /**
   * Waits until a started container's HEALTHCHECK reports healthy (polling inspect). Ends early
   * when it turns unhealthy, stops running, disappears, or has no healthcheck at all.
   */
  async waitForHealth(id: string, options: { timeoutMs: number; intervalMs?: number }): Promise<DockerHealthWaitResult> {
    const deadline = Date.now() + options.timeoutMs;
    const interval = options.intervalMs ?? 100;
    for (;;) {
      const info = await this.inspectContainerFull(id);
      if (!info) return { status: 'gone' };
      const state = info.state;
      if (!state.running || state.restarting) return { status: 'not-running', exitCode: state.exitCode, error: state.error };
      if (state.health === null) return { status: 'no-healthcheck' };
      if (state.health === 'healthy') return { status: 'healthy' };
      if (state.health === 'unhealthy') {
        return { status: 'unhealthy', output: state.healthLog.map((entry) => entry.output.trim()).filter(Boolean).slice(-1)[0] ?? '' };
      }
      if (Date.now() >= deadline) return { status: 'timeout', health: state.health };
      await new Promise((resolve) => setTimeout(resolve, Math.min(interval, Math.max(1, deadline - Date.now()))));
    }
  }

  /** Runs a command in a running container (`docker exec`), collecting its output. */
  async exec(id: string, cmd: string[], options: { timeoutMs: number; user?: string; env?: string[] }): Promise<DockerCommandResult> {
    const container = this.streaming.getContainer(id);
    const exec = await container.exec({
      Cmd: cmd,
      AttachStdin: false,
      AttachStdout: true,
      AttachStderr: true,
      Tty: false,
      ...(options.user ? { User: options.user } : {}),
      ...(options.env ? { Env: options.env } : {}),
    });
    const stream = (await exec.start({ hijack: true, stdin: false })) as NodeJS.ReadableStream & { destroy(): void };
    const output = new OutputCollector();
    const finished = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        stream.destroy();
        resolve(false);
      }, options.timeoutMs);
      stream.on('data', (chunk: Buffer) => output.pushMultiplexed(chunk));
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      stream.on('end', done);
      stream.on('close', done);
      stream.on('error', done);
    });
    if (!finished) return { exitCode: null, output: output.text(), timedOut: true };
    for (let attempt = 0; attempt < 50; attempt++) {
      const info = (await exec.inspect()) as { Running?: boolean; ExitCode?: number | null };
      if (!info.Running) return { exitCode: info.ExitCode ?? null, output: output.text(), timedOut: false };
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { exitCode: null, output: output.text(), timedOut: true };
  }

  /**
   * Runs a one-off container without network (`--network none`) to completion and removes it,
   * whatever happens. On the deadline it is killed and reported as timed out.
   */
  async runOneOff(spec: DockerOneOffSpec): Promise<DockerCommandResult> {
    const body: DockerCreateContainerBody = {
      Image: spec.image,
      AttachStdout: false,
      AttachStderr: false,
      Labels: spec.labels ?? {},
      HostConfig: { NetworkMode: 'none', AutoRemove: false },
    };
    if (spec.entrypoint) body.Entrypoint = spec.entrypoint;
    if (spec.cmd) body.Cmd = spec.cmd;
    if (spec.env) body.Env = spec.env;
    if (spec.user) body.User = spec.user;
    if (spec.workingDir) body.WorkingDir = spec.workingDir;
    const id = await this.createContainer(spec.name, body);
    try {
      await this.startContainer(id);
      let exitCode: number | null = null;
      let timedOut = false;
      try {
        const result = (await this.streaming.getContainer(id).wait({ abortSignal: AbortSignal.timeout(spec.timeoutMs) })) as { StatusCode?: number };
        exitCode = result.StatusCode ?? null;
      } catch (error) {
        if (!isAbort(error)) throw error;
        timedOut = true;
        await this.killContainer(id);
      }
      const logs: unknown = await this.docker.getContainer(id).logs({ stdout: true, stderr: true, follow: false, tail: 200 });
      const output = new OutputCollector();
      output.pushMultiplexed(Buffer.isBuffer(logs) ? logs : Buffer.from(typeof logs === 'string' ? logs : ''));
      return { exitCode, output: output.text(), timedOut };
    } finally {
      await this.removeContainer(id, { force: true, volumes: true }).catch(() => false);
    }
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

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null ? (error as { statusCode?: number }).statusCode : undefined;
}

function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && ['AbortError', 'TimeoutError'].includes((error as { name?: string }).name ?? '');
}

/** Promise wrapper over docker-modem's dial, for calls dockerode would mangle (create's body). */
function dial<T>(docker: Dockerode, options: Parameters<Dockerode['modem']['dial']>[0]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    docker.modem.dial(options, (error: unknown, data: unknown) => {
      if (error) reject(error instanceof Error ? error : new Error('docker request failed'));
      else resolve(data as T);
    });
  });
}

/** Collects the output of a non-TTY stream (8-byte frame headers), keeping the last 64 KiB. */
class OutputCollector {
  private pending = Buffer.alloc(0);
  private chunks: Buffer[] = [];
  private size = 0;

  pushMultiplexed(chunk: Buffer): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    while (this.pending.length >= 8) {
      const kind = this.pending[0];
      const length = this.pending.readUInt32BE(4);
      if (kind > 2 || this.pending[1] !== 0 || this.pending[2] !== 0 || this.pending[3] !== 0) {
        // Not multiplexed after all (a TTY stream): keep the bytes as they are.
        this.keep(this.pending);
        this.pending = Buffer.alloc(0);
        return;
      }
      if (this.pending.length < 8 + length) return;
      this.keep(this.pending.subarray(8, 8 + length));
      this.pending = this.pending.subarray(8 + length);
    }
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }

  private keep(bytes: Buffer): void {
    this.chunks.push(Buffer.from(bytes));
    this.size += bytes.length;
    while (this.size > 65_536 && this.chunks.length > 1) {
      this.size -= this.chunks[0].length;
      this.chunks.shift();
    }
  }
}

interface RawPullLine {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
}

interface RawImageInspect {
  Id: string;
  RepoTags?: string[] | null;
  RepoDigests?: string[] | null;
  Config?: DockerContainerConfig | null;
}

interface RawContainerInspect {
  Id: string;
  Name?: string;
  Created?: string;
  Image?: string;
  RestartCount?: number;
  Config?: DockerContainerConfig | null;
  HostConfig?: DockerHostConfig | null;
  NetworkSettings?: { Networks?: Record<string, DockerEndpointConfig> | null } | null;
  Mounts?: Array<{
    Type?: string;
    Name?: string;
    Source?: string;
    Destination?: string;
    Driver?: string;
    Mode?: string;
    RW?: boolean;
    Propagation?: string;
  }> | null;
  State?: {
    Status?: string;
    Running?: boolean;
    Restarting?: boolean;
    ExitCode?: number;
    Error?: string;
    StartedAt?: string;
    FinishedAt?: string;
    Health?: { Status?: string; Log?: Array<{ ExitCode?: number; Output?: string }> | null } | null;
  } | null;
}

function mapContainerInspect(info: RawContainerInspect): DockerContainerInspect {
  const state = info.State ?? {};
  return {
    id: info.Id,
    name: stripSlash(info.Name),
    created: info.Created ?? '',
    imageId: info.Image ?? '',
    config: info.Config ?? {},
    hostConfig: info.HostConfig ?? {},
    networks: info.NetworkSettings?.Networks ?? {},
    mounts: (info.Mounts ?? []).map((mount) => ({
      type: mount.Type ?? '',
      name: mount.Name || null,
      source: mount.Source ?? '',
      destination: mount.Destination ?? '',
      driver: mount.Driver || null,
      mode: mount.Mode ?? '',
      rw: mount.RW ?? true,
      propagation: mount.Propagation ?? '',
    })),
    state: {
      status: state.Status ?? '',
      running: state.Running ?? false,
      restarting: state.Restarting ?? false,
      exitCode: state.ExitCode ?? 0,
      error: state.Error ?? '',
      startedAt: state.StartedAt ?? '',
      finishedAt: state.FinishedAt ?? '',
      health: state.Health?.Status ?? null,
      healthLog: (state.Health?.Log ?? []).map((entry) => ({ exitCode: entry.ExitCode ?? -1, output: entry.Output ?? '' })),
    },
    restartCount: info.RestartCount ?? 0,
    raw: info as unknown as Record<string, unknown>,
  };
}
