import { Injectable } from '@nestjs/common';
import type { WatcherConfig } from '../config/config';
import { DockerRepository, loadTlsFiles } from './docker.repository';

/** Creates the DockerRepository of a watcher from its configuration. */
@Injectable()
export class DockerRepositoryFactory {
  create(config: WatcherConfig): DockerRepository {
    if (config.host) {
      return new DockerRepository({ host: config.host, port: config.port, protocol: config.protocol, ...loadTlsFiles(config) });
    }
    return new DockerRepository({ socketPath: config.socket ?? '/var/run/docker.sock' });
  }
}
