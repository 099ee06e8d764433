import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths };

type Schemas = components['schemas'];
export type Container = Schemas['ContainerDto'];
export type ContainerImage = Schemas['ContainerImageDto'];
export type UpdateKind = Schemas['UpdateKindDto'];
export type Watcher = Schemas['WatcherDto'];
export type AppInfo = Schemas['AppInfoDto'];
export type ApiError = Schemas['ErrorDto'];

export type TidewatchClient = Client<paths>;

/** A typed client for Tidewatch's REST API (same origin by default). */
export function createTidewatchClient(options: ClientOptions = {}): TidewatchClient {
  return createClient<paths>({ baseUrl: '', ...options });
}
