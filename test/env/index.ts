// The real test environment: Docker engines, registries, images, containers, PostgreSQL.
// Every started resource is registered for teardown (stopAll / exit handlers / reaper).
export { startDockerEngine, attachDockerEngine, killTreeMatching } from './docker-engine';
export type {
  DockerEngine,
  DockerEngineOptions,
  DockerEngineTcp,
  DockerCliOptions,
} from './docker-engine';
export {
  startRegistry,
  attachRegistry,
  parseAccessLog,
  readAccessLog,
  countKinds,
  classify,
} from './registry';
export type {
  TestRegistry,
  RegistryOptions,
  RegistryAuthMode,
  AccessLogEntry,
  AccessKind,
} from './registry';
export { TokenServer, libtrustKeyId, parseScope } from './token-server';
export type { TokenAccess, TokenRequestRecord, TokenServerOptions } from './token-server';
export {
  RegistryClient,
  MediaTypes,
  ALL_MANIFEST_TYPES,
  parseChallenge,
  sha256Digest,
  scopeFor,
} from './registry-client';
export type { Credentials, Challenge } from './registry-client';
export {
  buildImage,
  pushImage,
  pushTags,
  repushTag,
  pullImage,
  pushMultiArchIndex,
  putImageViaApi,
  deleteImage,
  busyboxLayer,
  DEFAULT_CMD,
} from './images';
export type {
  ImageOptions,
  PushedImage,
  Platform,
  HealthcheckSpec,
  MultiArchResult,
  ApiImage,
  ApiImageOptions,
} from './images';
export { runContainer, removeContainer, listContainers } from './containers';
export type { RunContainerOptions, RunningContainer } from './containers';
export { startPostgres } from './postgres';
export type { TestPostgres } from './postgres';
export { makeTlsSet, makeTokenSigningCert } from './certs';
export type { TlsClientFiles, TlsSet } from './certs';
export { registerResource, stopAll, stopAllSync, registeredResources } from './cleanup';
export type { CleanupStep, ResourceHandle } from './cleanup';
export {
  getSharedEnv,
  tryGetSharedEnv,
  sharedEnvHandles,
  ENV_FILE,
  ENV_REGISTRY,
  ENV_SOCKET,
} from './shared';
export type { SharedEnv } from './shared';
export {
  freePort,
  httpRequest,
  waitFor,
  sleep,
  run,
  mountsUnder,
  processAlive,
  portOpen,
} from './util';
export type { HttpResponse, HttpRequestOptions, RunResult } from './util';
