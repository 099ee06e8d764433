import { Injectable } from '@nestjs/common';

/** Names the registry instance that serves an image host, WUD-style (`hub.public`, API base URL). */
@Injectable()
export class RegistriesService {
  describe(host: string): { name: string; url: string } {
    if (host === 'docker.io') return { name: 'hub.public', url: 'https://registry-1.docker.io/v2' };
    const loopback = /^(localhost|127\.|\[::1\])/.test(host);
    return {
      name: `custom.${host.replace(/[^a-z0-9]+/gi, '-')}`,
      url: `${loopback ? 'http' : 'https'}://${host}/v2`,
    };
  }
}
