import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ComponentConfig } from '../config/config';
import { ConfigError } from '../config/config';
import type { Registry } from './registry';
import { RegistryConfigError } from './registry-error';
import { RegistryResolver } from './registry-resolver';

/**
 * Builds every configured registry instance (plus the anonymous built-ins) before Nest starts, so
 * a bad registry setting stops the boot with a message naming the variable.
 */
export function createRegistryResolver(registries: readonly ComponentConfig[]): RegistryResolver {
  try {
    return new RegistryResolver(
      registries.map((registry) => ({ type: registry.type, name: registry.name, config: registry.values })),
      { logger: new Logger('Registries') },
    );
  } catch (error) {
    if (error instanceof RegistryConfigError) {
      const [type, name] = error.registry.split('.');
      const component = registries.find((registry) => registry.type === type && registry.name === name);
      const key = error.key?.toLowerCase();
      const variable = (key && component?.sources[key]) ?? `TIDEWATCH_REGISTRY_${error.registry.replace('.', '_').toUpperCase()}${error.key ? `_${error.key}` : ''}`;
      throw new ConfigError(`${variable}: ${error.message}`);
    }
    throw error;
  }
}

/** Nest's view of the registry instances: lookup by image host, listing, shutdown. */
@Injectable()
export class RegistriesService implements OnApplicationShutdown {
  constructor(readonly resolver: RegistryResolver) {}

  /** The instance serving an image host (`docker.io`, `127.0.0.1:5000`). */
  resolve(host: string): Registry {
    return this.resolver.resolve(host);
  }

  /** WUD-style name and API URL of the instance serving a host (`hub.public`). */
  describe(host: string): { name: string; url: string } {
    const registry = this.resolver.resolve(host);
    return { name: registry.id, url: registry.url };
  }

  list(): Registry[] {
    return this.resolver.list();
  }

  get(idOrName: string): Registry | undefined {
    return this.resolver.get(idOrName);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.resolver.close();
  }
}
