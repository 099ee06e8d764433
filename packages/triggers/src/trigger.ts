import type { z } from 'zod';

/** Event kinds a trigger can be notified about (selected per trigger with the common `events` key). */
export const TRIGGER_EVENT_KINDS = [
  'update-available',
  'update-applied',
  'update-failed',
  'rolled-back',
  'check-error',
] as const;

/** One of {@link TRIGGER_EVENT_KINDS}. */
export type TriggerEventKind = (typeof TRIGGER_EVENT_KINDS)[number];

/** Semver difference between the running tag and the candidate (WUD's `semverDiff`). */
export type SemverDiff = 'major' | 'minor' | 'patch' | 'prerelease' | 'unknown';

/**
 * The container object of DESIGN §5 as triggers see it: WUD's field names, `null` where a value is
 * unknown (never missing). Structurally compatible with the server's container DTO; extra fields
 * (e.g. `identity`, `checkedAt`) are allowed and passed through to payloads untouched.
 */
export interface TriggerContainer {
  /** Docker container ID. */
  id: string;
  name: string;
  displayName: string;
  displayIcon: string;
  /** Docker state: running, exited, … */
  status: string;
  /** Watcher (Docker host) name. */
  watcher: string;
  includeTags?: string | null;
  excludeTags?: string | null;
  transformTags?: string | null;
  linkTemplate?: string | null;
  /** Link for the running version (rendered from the link template). */
  link?: string | null;
  triggerInclude?: string | null;
  triggerExclude?: string | null;
  image: TriggerContainerImage;
  /** Best candidate found by the last check, or null. */
  result: TriggerContainerResult | null;
  error: { message: string } | null;
  updateAvailable: boolean;
  updateKind: TriggerUpdateKind | null;
  labels: Record<string, string>;
  /** Stable identity that survives recreation (compose project/service or watcher/name). */
  identity?: string;
  checkedAt?: string | null;
}

/** `container.image` of {@link TriggerContainer}. */
export interface TriggerContainerImage {
  id: string;
  registry: { name: string; url: string };
  name: string;
  tag: { value: string; semver: boolean };
  digest: { watch: boolean; value: string | null; repo: string | null };
  architecture: string | null;
  os: string | null;
  variant: string | null;
  created: string | null;
}

/** `container.result` of {@link TriggerContainer}. */
export interface TriggerContainerResult {
  tag: string | null;
  digest: string | null;
  link: string | null;
  created: string | null;
}

/** `container.updateKind` of {@link TriggerContainer}. */
export interface TriggerUpdateKind {
  kind: 'tag' | 'digest' | 'unknown';
  localValue: string | null;
  remoteValue: string | null;
  semverDiff: SemverDiff | null;
}

/** What happened to one container, as delivered to a trigger. */
export interface TriggerEvent {
  /** Idempotency key: stable across retries of the same delivery (sent as `Idempotency-Key`, Message-ID, …). */
  id: string;
  kind: TriggerEventKind;
  /** ISO-8601 timestamp of when the event happened (not when it is delivered). */
  occurredAt: string;
  container: TriggerContainer;
  /** Human-readable detail for failures, rollbacks and check errors. */
  message?: string;
}

/** Minimal logger handed to providers (the server adapts its own logger to it). */
export interface TriggerLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Per-delivery context supplied by the engine. */
export interface TriggerContext {
  logger: TriggerLogger;
  /** Aborts the delivery (shutdown, manual cancel). Providers stop and throw a retryable error. */
  signal?: AbortSignal;
  /** Title rendered by the engine from the trigger's TITLE (or batch title) template. */
  title: string;
  /** Body rendered by the engine from the trigger's BODY template (batch: the list of bodies). */
  body: string;
}

/** Result of a successful delivery, stored in the trigger run history. */
export interface TriggerOutcome {
  /** Redacted, human-readable line such as `POST http://127.0.0.1:9999/hook → 200`. Never contains secrets. */
  summary: string;
  /** Extra JSON-friendly facts (status codes, message ids, recipients); redacted like the summary. */
  details?: Record<string, unknown>;
}

/** A configured trigger instance. Providers only send; rules (threshold, once, retries…) are the engine's. */
export interface TriggerProvider {
  /** Delivers one event. Throws {@link TriggerDeliveryError} on failure. */
  notify(event: TriggerEvent, ctx: TriggerContext): Promise<TriggerOutcome>;
  /** Delivers several events as one message where the channel allows it (batch mode). */
  notifyBatch(events: readonly TriggerEvent[], ctx: TriggerContext): Promise<TriggerOutcome>;
  /** Releases long-lived resources (MQTT connection, SMTP pool). Safe to call twice. */
  close?(): Promise<void>;
}

/** Optional collaborators a provider may use; every one has a sensible default. */
export interface TriggerDeps {
  /** HTTP client (defaults to the global `fetch`). */
  fetch?: typeof fetch;
  /** Tidewatch version: `User-Agent: Tidewatch/<version>`, Home Assistant device `sw_version`. */
  appVersion?: string;
  /** Logger for background activity outside a delivery (MQTT reconnects). */
  logger?: TriggerLogger;
  /** Further values to mask in anything a provider reports (e.g. every configured secret, for the command trigger's output). */
  secrets?: readonly string[];
}

/**
 * A trigger type: a name, a zod schema over the lower-case `_`-joined config keys (values may arrive
 * as strings), which keys are secret, and a factory for configured instances.
 */
export interface TriggerType<S extends z.ZodObject = z.ZodObject> {
  type: string;
  description: string;
  schema: S;
  /** Config keys whose values are never returned by the API and are redacted from every summary. */
  secretKeys: readonly string[];
  /** Builds an instance from a config already parsed by `schema`. Must not do I/O. */
  create(config: z.infer<S>, deps?: TriggerDeps): TriggerProvider;
}
