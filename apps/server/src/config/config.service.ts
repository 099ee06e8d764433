import { Injectable } from '@nestjs/common';
import type { TidewatchConfig } from './config';

/** Typed, already-validated configuration, read once at boot. */
@Injectable()
export class ConfigService {
  constructor(private readonly config: TidewatchConfig) {}

  get(): TidewatchConfig {
    return this.config;
  }

  get delivery(): TidewatchConfig['delivery'] {
    return this.config.delivery;
  }
}
