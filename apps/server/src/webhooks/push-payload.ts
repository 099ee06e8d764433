/**
 * Registry push notifications, normalised. Every registry announces a push in its own shape; this
 * module recognises each of them and reduces it to "these tags of this repository changed". It is
 * pure (no I/O): the caller authenticates the sender and confirms the push with the registry.
 *
 * Formats (registry reference §3): CNCF distribution `notifications` envelope, Azure Container
 * Registry (a single distribution-style event), Docker Hub, GitHub packages (GHCR; events
 * `registry_package` and `package`), Harbor (`PUSH_ARTIFACT`, default and CloudEvents formats),
 * Quay `repo_push`, Gitea/Forgejo `package`, and a generic `{ image, tag }` body for CI pipelines.
 */

export type PushFormat =
  'distribution' | 'acr' | 'dockerhub' | 'github' | 'harbor' | 'quay' | 'gitea' | 'generic';

/** One repository whose tags were pushed. `host` is the registry host when the payload names it. */
export interface PushHint {
  host?: string;
  repository: string;
  tags: string[];
}

export interface NormalizedPush {
  format: PushFormat;
  pushes: PushHint[];
  /** Sender-side event ids (distribution, ACR), for dropping redeliveries. */
  eventIds: string[];
  /** Why nothing is actionable (a pull, a delete, an untagged child manifest…). */
  ignored?: string;
}

/** The body is not a push notification Tidewatch understands (→ 400). */
export class MalformedPushError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedPushError';
  }
}

/** Lower-case header names to values, as Node gives them. */
export type PushHeaders = Readonly<Record<string, string | string[] | undefined>>;

// Manifests and indexes (a tagged index push is what a multi-arch push ends with).
const MANIFEST_MEDIA_TYPES = new Set([
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v1+prettyjws',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
]);

const TAG_RE = /^[\w][\w.-]{0,127}$/;
const REPOSITORY_RE =
  /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const HOST_RE =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[a-f0-9:]+\])(?::\d{1,5})?$/i;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function header(headers: PushHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function validTag(tag: string | undefined): tag is string {
  return tag !== undefined && TAG_RE.test(tag);
}

function repositoryOf(value: string | undefined, where: string): string {
  const repository = value?.replace(/^\/+|\/+$/g, '').toLowerCase();
  if (!repository || !REPOSITORY_RE.test(repository))
    throw new MalformedPushError(`${where}: "${value ?? ''}" is not a repository name`);
  return repository;
}

function hostOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const host = value.toLowerCase();
  return HOST_RE.test(host) ? host : undefined;
}

/** `https://reg.example.com/v2/acme/app/manifests/sha256:…` or `reg.example.com/acme/app:1.0` → host. */
function hostFromUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return hostOf(
      new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`).host,
    );
  } catch {
    return undefined;
  }
}

/** Merges hints for the same host and repository, keeping tag order and dropping duplicates. */
function merge(hints: PushHint[]): PushHint[] {
  const byKey = new Map<string, PushHint>();
  for (const hint of hints) {
    const key = `${hint.host ?? ''}|${hint.repository}`;
    const existing = byKey.get(key);
    if (!existing) {
      byKey.set(key, { ...hint, tags: [...new Set(hint.tags)] });
      continue;
    }
    for (const tag of hint.tags) if (!existing.tags.includes(tag)) existing.tags.push(tag);
  }
  return [...byKey.values()];
}

function result(
  format: PushFormat,
  hints: PushHint[],
  ignored: string,
  eventIds: string[] = [],
): NormalizedPush {
  const pushes = merge(hints.filter((hint) => hint.tags.length > 0));
  return pushes.length > 0 ? { format, pushes, eventIds } : { format, pushes, eventIds, ignored };
}

function withHost(host: string | undefined, hint: Omit<PushHint, 'host'>): PushHint {
  return host ? { host, ...hint } : hint;
}

// ---------------------------------------------------------------------------------------------
// CNCF distribution (and ACR, which sends one event of the same shape)

function distributionEvent(event: unknown, index: number): PushHint | undefined {
  if (!isObject(event)) throw new MalformedPushError(`events[${index}] must be an object`);
  if (event.action !== 'push') return undefined;
  const target = event.target;
  if (!isObject(target)) throw new MalformedPushError(`events[${index}].target must be an object`);
  const tag = text(target.tag);
  const mediaType = text(target.mediaType)?.toLowerCase();
  // Layer and untagged child-manifest pushes carry no tag; config blobs are not manifests.
  if (!tag || !mediaType || !MANIFEST_MEDIA_TYPES.has(mediaType)) return undefined;
  if (!validTag(tag))
    throw new MalformedPushError(`events[${index}].target.tag: "${String(tag)}" is not a tag`);
  const repository = repositoryOf(text(target.repository), `events[${index}].target.repository`);
  const request = isObject(event.request) ? event.request : {};
  const host = hostOf(text(request.host)) ?? hostFromUrl(text(target.url));
  return withHost(host, { repository, tags: [tag] });
}

function eventId(event: unknown): string[] {
  return isObject(event) && text(event.id) ? [String(event.id)] : [];
}

function distribution(body: Json): NormalizedPush {
  const events = body.events;
  if (!Array.isArray(events)) throw new MalformedPushError('events must be an array');
  const hints = events
    .map(distributionEvent)
    .filter((hint): hint is PushHint => hint !== undefined);
  return result(
    'distribution',
    hints,
    'no tagged manifest push in the events',
    events.flatMap(eventId),
  );
}

function acr(body: Json): NormalizedPush {
  const hint = distributionEvent(body, 0);
  return result(
    'acr',
    hint ? [hint] : [],
    `action "${String(body.action)}" without a tagged manifest is not a push`,
    eventId(body),
  );
}

// ---------------------------------------------------------------------------------------------
// Docker Hub: `{ push_data: { tag }, repository: { repo_name } }`, no host, no signature.

function dockerHub(body: Json): NormalizedPush {
  const pushData = body.push_data as Json;
  const repositoryInfo = isObject(body.repository) ? body.repository : {};
  const name =
    text(repositoryInfo.repo_name) ??
    (text(repositoryInfo.namespace) && text(repositoryInfo.name)
      ? `${String(repositoryInfo.namespace)}/${String(repositoryInfo.name)}`
      : undefined);
  const repository = repositoryOf(name, 'repository.repo_name');
  const tag = text(pushData.tag);
  if (tag !== undefined && !validTag(tag))
    throw new MalformedPushError(`push_data.tag: "${String(tag)}" is not a tag`);
  return result(
    'dockerhub',
    tag ? [{ host: 'docker.io', repository, tags: [tag] }] : [],
    'push without a tag',
  );
}

// ---------------------------------------------------------------------------------------------
// GitHub packages: `registry_package` / `package` events for container packages on ghcr.io.

/** `ghcr.io/owner/name:tag` (or `…@sha256:…`) → host and repository. */
function parsePackageUrl(
  url: string | undefined,
): { host: string; repository: string } | undefined {
  if (!url) return undefined;
  const withoutScheme = url.replace(/^[a-z]+:\/\//i, '').replace(/@sha256:[a-f0-9]+$/i, '');
  const slash = withoutScheme.indexOf('/');
  if (slash <= 0) return undefined;
  const host = hostOf(withoutScheme.slice(0, slash));
  let path = withoutScheme.slice(slash + 1);
  const colon = path.lastIndexOf(':');
  if (colon > path.lastIndexOf('/')) path = path.slice(0, colon);
  path = path.toLowerCase();
  if (!host || !REPOSITORY_RE.test(path)) return undefined;
  return { host, repository: path };
}

function github(body: Json, event: string | undefined): NormalizedPush {
  const pkg = (isObject(body.registry_package) ? body.registry_package : body.package) as Json;
  if (!isObject(pkg)) throw new MalformedPushError('registry_package or package must be an object');
  const kind = (text(pkg.package_type) ?? text(pkg.ecosystem) ?? '').toLowerCase();
  if (kind !== 'container' && kind !== 'docker')
    return result('github', [], `package type "${kind}" is not a container image`);
  const action = text(body.action);
  if (action !== undefined && action !== 'published' && action !== 'updated')
    return result('github', [], `action "${action}" is not a push`);
  const version = isObject(pkg.package_version) ? pkg.package_version : {};
  const metadata = isObject(version.container_metadata) ? version.container_metadata : {};
  const tagInfo = isObject(metadata.tag) ? metadata.tag : {};
  // Multi-arch pushes send one event per manifest; only the tagged one matters.
  const tag = text(tagInfo.name);
  const location =
    parsePackageUrl(text(version.package_url)) ??
    (() => {
      const owner = isObject(pkg.owner) ? text(pkg.owner.login) : undefined;
      const namespace = text(pkg.namespace) ?? owner;
      const name = text(pkg.name);
      if (!name) throw new MalformedPushError(`${event ?? 'package'}: package name is missing`);
      return {
        host: 'ghcr.io',
        repository: repositoryOf(
          namespace && !name.includes('/') ? `${namespace}/${name}` : name,
          'package.name',
        ),
      };
    })();
  if (tag !== undefined && !validTag(tag))
    throw new MalformedPushError(`container_metadata.tag.name: "${String(tag)}" is not a tag`);
  return result(
    'github',
    tag ? [{ ...location, tags: [tag] }] : [],
    'untagged package version (a child manifest of a multi-arch push)',
  );
}

// ---------------------------------------------------------------------------------------------
// Harbor: `{ type: PUSH_ARTIFACT, event_data: { resources: [{ tag, resource_url }], repository } }`
// or the CloudEvents form `{ type: harbor.artifact.pushed, data: { … } }`.

function harbor(body: Json): NormalizedPush {
  const type = String(body.type);
  if (type !== 'PUSH_ARTIFACT' && type !== 'harbor.artifact.pushed')
    return result('harbor', [], `event type "${type}" is not a push`);
  const data = isObject(body.event_data) ? body.event_data : body.data;
  if (!isObject(data)) throw new MalformedPushError('event_data must be an object');
  const repositoryInfo = isObject(data.repository) ? data.repository : {};
  const fullName =
    text(repositoryInfo.repo_full_name) ??
    (text(repositoryInfo.namespace) && text(repositoryInfo.name)
      ? `${String(repositoryInfo.namespace)}/${String(repositoryInfo.name)}`
      : undefined);
  const repository = repositoryOf(fullName, 'event_data.repository.repo_full_name');
  if (!Array.isArray(data.resources))
    throw new MalformedPushError('event_data.resources must be an array');
  const hints: PushHint[] = [];
  for (const resource of data.resources) {
    if (!isObject(resource)) continue;
    const tag = text(resource.tag);
    if (!validTag(tag)) continue;
    hints.push(withHost(hostFromUrl(text(resource.resource_url)), { repository, tags: [tag] }));
  }
  return result('harbor', hints, 'push without a tag');
}

// ---------------------------------------------------------------------------------------------
// Quay: `{ repository: 'ns/name', docker_url: 'quay.io/ns/name', updated_tags: [...] }` (legacy:
// `updated_tags` as a tag → image id map).

function quay(body: Json): NormalizedPush {
  const repository = repositoryOf(
    text(body.repository) ??
      (text(body.namespace) && text(body.name)
        ? `${String(body.namespace)}/${String(body.name)}`
        : undefined),
    'repository',
  );
  const updated = body.updated_tags;
  const tags = (Array.isArray(updated) ? updated : isObject(updated) ? Object.keys(updated) : [])
    .map((tag) => text(tag))
    .filter(validTag);
  return result(
    'quay',
    tags.length ? [withHost(hostFromUrl(text(body.docker_url)), { repository, tags })] : [],
    'no updated tags',
  );
}

// ---------------------------------------------------------------------------------------------
// Gitea / Forgejo: `{ action: created, package: { type: container, name, version, owner, html_url } }`

function gitea(body: Json): NormalizedPush {
  const pkg = body.package as Json;
  const type = (text(pkg.type) ?? '').toLowerCase();
  if (type !== 'container')
    return result('gitea', [], `package type "${type}" is not a container image`);
  const action = text(body.action);
  if (action !== 'created') return result('gitea', [], `action "${action ?? ''}" is not a push`);
  const owner = isObject(pkg.owner)
    ? (text(pkg.owner.login) ?? text(pkg.owner.username))
    : undefined;
  const name = text(pkg.name);
  if (!owner || !name)
    throw new MalformedPushError('package.owner.login and package.name are required');
  const repository = repositoryOf(`${owner}/${name}`, 'package.name');
  // Untagged manifests of a multi-arch push are versions named by digest.
  const version = text(pkg.version);
  const tags = validTag(version) ? [version] : [];
  return result(
    'gitea',
    tags.length ? [withHost(hostFromUrl(text(pkg.html_url)), { repository, tags })] : [],
    'package version is a digest, not a tag',
  );
}

// ---------------------------------------------------------------------------------------------
// Generic: `{ image: "reg.example.com/acme/app:1.2.3" }`, `{ image: "acme/app", tag: "1.2.3" }`
// or `{ image, tags: [...] }`, for CI pipelines (`curl` after `docker push`).

function splitImage(image: string): { host?: string; repository: string; tag?: string } {
  let rest = image.trim().replace(/@sha256:[a-f0-9]{64}$/i, '');
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  const first = slash === -1 ? '' : rest.slice(0, slash);
  // Docker's rule: the first component is a host when it has a dot or a port, or is localhost.
  if (first && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    const host = hostOf(first);
    if (!host) throw new MalformedPushError(`image: "${first}" is not a registry host`);
    return {
      host,
      repository: repositoryOf(rest.slice(slash + 1), 'image'),
      ...(tag !== undefined ? { tag } : {}),
    };
  }
  return { repository: repositoryOf(rest, 'image'), ...(tag !== undefined ? { tag } : {}) };
}

function generic(body: Json): NormalizedPush {
  const image = text(body.image) ?? text(body.repository);
  if (!image) throw new MalformedPushError('image must be a non-empty string');
  const parsed = splitImage(image);
  const listed: unknown[] =
    body.tags === undefined
      ? []
      : Array.isArray(body.tags)
        ? (body.tags as unknown[])
        : [body.tags];
  const tags = [
    ...(parsed.tag !== undefined ? [parsed.tag] : []),
    ...(body.tag !== undefined ? [body.tag] : []),
    ...listed,
  ].map((tag) => (typeof tag === 'string' ? tag.trim() : tag));
  for (const tag of tags)
    if (typeof tag !== 'string' || !validTag(tag))
      throw new MalformedPushError(`tag: ${JSON.stringify(tag)} is not a tag`);
  if (tags.length === 0)
    throw new MalformedPushError('a tag is required (image "repo:tag", tag or tags)');
  const explicitHost = text(body.host) ?? text(body.registry);
  const host = explicitHost !== undefined ? hostOf(explicitHost) : parsed.host;
  if (explicitHost !== undefined && !host)
    throw new MalformedPushError(`host: "${explicitHost}" is not a registry host`);
  return result(
    'generic',
    [withHost(host, { repository: parsed.repository, tags: tags as string[] })],
    'no tag',
  );
}

// ---------------------------------------------------------------------------------------------

/**
 * Recognises the sender's format and returns what was pushed. A recognised notification that is
 * not a tagged image push (a pull, a delete, a layer, an untagged child manifest) comes back with
 * no pushes and `ignored` set.
 * @throws MalformedPushError when the body is not a push notification of any known format.
 */
export function normalizePushPayload(body: unknown, headers: PushHeaders = {}): NormalizedPush {
  if (!isObject(body)) throw new MalformedPushError('the body must be a JSON object');
  const githubEvent = header(headers, 'x-github-event');
  const giteaEvent =
    header(headers, 'x-gitea-event') ??
    header(headers, 'x-forgejo-event') ??
    header(headers, 'x-gogs-event');
  if ('events' in body) return distribution(body);
  if (isObject(body.push_data) && isObject(body.repository)) return dockerHub(body);
  // Gitea and Forgejo also send X-GitHub-Event; their package has `type` and a string `version`
  // where GitHub's has `package_type` and a `package_version` object.
  if (
    isObject(body.package) &&
    (giteaEvent !== undefined ||
      (typeof body.package.type === 'string' && !('package_type' in body.package)))
  )
    return gitea(body);
  if (
    githubEvent === 'registry_package' ||
    githubEvent === 'package' ||
    isObject(body.registry_package) ||
    isObject(body.package)
  )
    return github(body, githubEvent);
  if (
    typeof body.type === 'string' &&
    (isObject(body.event_data) || (isObject(body.data) && typeof body.specversion === 'string'))
  )
    return harbor(body);
  if ('updated_tags' in body) return quay(body);
  if (typeof body.action === 'string' && isObject(body.target)) return acr(body);
  if ('image' in body) return generic(body);
  throw new MalformedPushError(
    'unrecognised push notification (expected a distribution, Docker Hub, GitHub, Harbor, Quay, Gitea, ACR or {image, tag} body)',
  );
}

/**
 * Reads the request body: JSON (any `+json` type), or GitHub's form encoding (`payload=<json>`).
 * @throws MalformedPushError for anything else.
 */
export function parsePushBody(raw: Buffer | undefined, contentType: string | undefined): unknown {
  if (!raw || raw.length === 0) throw new MalformedPushError('the body is empty');
  let textBody = raw.toString('utf8');
  // `curl -d '{…}'` without a Content-Type header sends JSON labelled as a form: accept it.
  if (
    (contentType ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded') &&
    !/^\s*[{[]/.test(textBody)
  ) {
    const payload = new URLSearchParams(textBody).get('payload');
    if (payload === null) throw new MalformedPushError('a form-encoded body needs a payload field');
    textBody = payload;
  }
  try {
    return JSON.parse(textBody) as unknown;
  } catch (error) {
    throw new MalformedPushError(
      `the body is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
