import { Dispatcher } from 'undici';
import { isLoopbackHost } from './registry-client';
import { createRegistryAgent, DEFAULT_HTTP_OPTIONS } from './registry-http';
import { Registry, RegistryDeps } from './registry';
import { RegistryConfigError } from './registry-error';
import { RawRegistryConfig } from './registry-provider';
import { isProviderType, registryProviders } from './registry-providers';

/** One configured registry instance, as the config module parsed it. */
export interface RegistryInstanceConfig {
  /** Provider type (`hub`, `custom`, …); unknown types are rejected. */
  type: string;
  name: string;
  config: RawRegistryConfig;
}

export interface RegistryResolverOptions extends Omit<RegistryDeps, 'dispatcher'> {
  /** Add the anonymous built-ins (`hub.public`, `ghcr.public`, …). Default true. */
  defaults?: boolean;
  /** Shared keep-alive pool; by default the resolver creates one and closes it in close(). */
  dispatcher?: Dispatcher;
}

const DEFAULT_INSTANCE_NAME = 'public';

/**
 * Knows every registry instance and picks the one serving an image's registry host: an exact
 * configured URL first, then a configured host family (ECR, ACR, GCR patterns), then the
 * built-in anonymous instances, and finally an anonymous `custom` instance for that host
 * (plain http only for loopback hosts).
 */
export class RegistryResolver {
  private readonly configured: Registry[] = [];
  private readonly defaults: Registry[] = [];
  private readonly fallbacks = new Map<string, Registry>();
  private readonly deps: RegistryDeps;
  private readonly ownedDispatcher?: Dispatcher;

  constructor(instances: readonly RegistryInstanceConfig[], options: RegistryResolverOptions = {}) {
    let dispatcher = options.dispatcher;
    if (!dispatcher) {
      dispatcher = createRegistryAgent({
        connectTimeoutMs: options.http?.connectTimeoutMs ?? DEFAULT_HTTP_OPTIONS.connectTimeoutMs,
        connectionsPerOrigin: options.http?.concurrency ?? DEFAULT_HTTP_OPTIONS.concurrency,
      });
      this.ownedDispatcher = dispatcher;
    }
    const { defaults: _defaults, dispatcher: _dispatcher, ...deps } = options;
    this.deps = { ...deps, dispatcher };

    const ids = new Set<string>();
    for (const instance of instances) {
      const id = `${instance.type}.${instance.name}`;
      if (!isProviderType(instance.type))
        throw new RegistryConfigError(
          id,
          undefined,
          `Unknown registry type "${instance.type}" (known: ${Object.keys(registryProviders).join(', ')})`,
        );
      if (ids.has(id))
        throw new RegistryConfigError(id, undefined, `Registry ${id} is configured twice`);
      ids.add(id);
      this.configured.push(
        registryProviders[instance.type].create(instance.name, instance.config, this.deps),
      );
    }
    if (options.defaults ?? true) {
      for (const provider of Object.values(registryProviders)) {
        if (!provider.anonymousDefault || ids.has(`${provider.type}.${DEFAULT_INSTANCE_NAME}`))
          continue;
        this.defaults.push(provider.create(DEFAULT_INSTANCE_NAME, {}, this.deps));
      }
    }
  }

  /** The instance serving `host` (an image reference's registry: `docker.io`, `ghcr.io`, `127.0.0.1:5000`). */
  resolve(host: string): Registry {
    const wanted = host.toLowerCase();
    const found =
      this.configured.find((registry) => registry.match(wanted) === 'exact') ??
      this.configured.find((registry) => registry.match(wanted) === 'pattern') ??
      this.defaults.find((registry) => registry.match(wanted) !== undefined);
    if (found) return found;
    let fallback = this.fallbacks.get(wanted);
    if (!fallback) {
      const scheme = isLoopbackHost(wanted) ? 'http' : 'https';
      fallback = registryProviders.custom.create(
        wanted,
        { url: `${scheme}://${wanted}` },
        this.deps,
      );
      this.fallbacks.set(wanted, fallback);
    }
    return fallback;
  }

  /** Configured and built-in instances (not the per-host fallbacks), e.g. for GET /api/registries. */
  list(): Registry[] {
    return [...this.configured, ...this.defaults];
  }

  /** By id (`hub.public`) or by name alone when unambiguous (webhook URLs use the name). */
  get(idOrName: string): Registry | undefined {
    const all = [...this.configured, ...this.defaults, ...this.fallbacks.values()];
    const byId = all.find((registry) => registry.id === idOrName);
    if (byId) return byId;
    const byName = this.configured.filter((registry) => registry.name === idOrName);
    return byName.length === 1 ? byName[0] : undefined;
  }

  async close(): Promise<void> {
    const all = [...this.configured, ...this.defaults, ...this.fallbacks.values()];
    await Promise.all(all.map((registry) => registry.close()));
    await this.ownedDispatcher?.close();
  }
}
