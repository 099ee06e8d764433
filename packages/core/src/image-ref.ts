/**
 * Docker image references, parsed and normalised the way distribution/reference
 * (`ParseNormalizedNamed`) does, so a name means the same thing here as in `docker pull`.
 */

/** A fully normalised image reference. */
export interface ImageRef {
  /** Registry host with optional port; `docker.io` for Docker Hub. */
  registry: string;
  /** Full repository path, e.g. `library/nginx`, `acme/team/app`. */
  repository: string;
  /** Tag; `latest` when the reference has neither tag nor digest. */
  tag?: string;
  /** Content digest, e.g. `sha256:<64 hex>`. */
  digest?: string;
}

/** A `repository@digest` entry as found in an image's `RepoDigests`. */
export interface RepoDigest {
  registry: string;
  repository: string;
  digest: string;
}

/** Thrown for a string that is not a valid image reference; the message says what is wrong. */
export class ImageRefError extends Error {
  override readonly name = 'ImageRefError';

  constructor(
    readonly input: string,
    readonly problem: string,
  ) {
    super(`invalid image reference ${JSON.stringify(input)}: ${problem}`);
  }
}

export const DOCKER_HUB_REGISTRY = 'docker.io';
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
// index.docker.io is Docker's own legacy alias; registry-1 is the API host people paste.
const DOCKER_HUB_ALIASES = new Set(['index.docker.io', DOCKER_HUB_API_HOST]);
const NAME_TOTAL_LENGTH_MAX = 255;
const TAG_MAX_LENGTH = 128;

// The grammar below is distribution/reference's regexp.go, transcribed piece by piece so each
// error can say which part failed instead of a bare "invalid reference format".
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6_ADDRESS = '\\[(?:[a-fA-F0-9:]+)\\]';
const HOST_RE = new RegExp(`^(?:${DOMAIN_NAME}|${IPV6_ADDRESS})(?::[0-9]+)?$`);
const PATH_COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG_RE = /^[\w][\w.-]*$/;
const DIGEST_RE = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const DIGEST_ENCODINGS: Readonly<Record<string, RegExp>> = {
  sha256: /^[a-f0-9]{64}$/,
  sha512: /^[a-f0-9]{128}$/,
};
const IDENTIFIER_RE = /^[a-f0-9]{64}$/;
const IMAGE_ID_RE = /^sha256:[a-f0-9]{64}$/;

/**
 * Parses and normalises an image reference (`nginx` → `docker.io/library/nginx:latest`).
 * @throws ImageRefError naming the part that is wrong.
 */
export function parseImageRef(input: string): ImageRef {
  const fail = (problem: string): never => {
    throw new ImageRefError(input, problem);
  };
  if (input === '') fail('repository name must have at least one component');
  if (/\s/.test(input)) fail('must not contain whitespace');
  if (IDENTIFIER_RE.test(input)) fail('cannot specify 64-byte hexadecimal strings');
  // Docker would read this as the image `library/sha256` with a hex tag; it is almost always an
  // image ID leaking in from `docker ps`, and silently watching the wrong image is worse.
  if (IMAGE_ID_RE.test(input)) fail('this is an image ID, not a reference');

  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    validateDigest(digest, fail);
  }

  const { registry, remainder } = splitDomain(rest);
  let repository = remainder;
  let tag: string | undefined;
  // A colon after the last slash separates the tag; one before it belongs to host:port.
  const colon = remainder.lastIndexOf(':');
  if (colon !== -1 && colon > remainder.lastIndexOf('/')) {
    tag = remainder.slice(colon + 1);
    repository = remainder.slice(0, colon);
    validateTag(tag, fail);
  }

  if (registry !== DOCKER_HUB_REGISTRY && !HOST_RE.test(registry)) {
    fail(`registry host ${JSON.stringify(registry)} is not a valid host[:port]`);
  }
  if (repository === '') fail('repository name must have at least one component');
  if (repository.toLowerCase() !== repository) fail('repository name must be lowercase');
  for (const component of repository.split('/')) {
    if (component === '') fail('repository path has an empty component');
    if (!PATH_COMPONENT_RE.test(component)) {
      fail(
        `repository component ${JSON.stringify(component)} may only contain a-z, 0-9 and single separators (. _ __ -) between them`,
      );
    }
  }
  if (registry === DOCKER_HUB_REGISTRY && !repository.includes('/')) {
    repository = OFFICIAL_REPO_PREFIX + repository;
  }
  // Docker measures the normalised name, domain and `library/` included.
  if (registry.length + 1 + repository.length > NAME_TOTAL_LENGTH_MAX) {
    fail(`repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`);
  }

  const ref: ImageRef = { registry, repository };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  if (tag === undefined && digest === undefined) ref.tag = 'latest';
  return ref;
}

function splitDomain(name: string): { registry: string; remainder: string } {
  const slash = name.indexOf('/');
  if (slash === -1) return { registry: DOCKER_HUB_REGISTRY, remainder: name };
  const first = name.slice(0, slash);
  const remainder = name.slice(slash + 1);
  // Same order as distribution's splitDockerDomain: a first component is a host when it is
  // localhost, looks like a domain or host:port, or has uppercase (namespaces cannot).
  const isHost =
    first === 'localhost' ||
    first.includes('.') ||
    first.includes(':') ||
    first.toLowerCase() !== first;
  if (!isHost) return { registry: DOCKER_HUB_REGISTRY, remainder: name };
  const registry = DOCKER_HUB_ALIASES.has(first) ? DOCKER_HUB_REGISTRY : first;
  return { registry, remainder };
}

function validateTag(tag: string, fail: (problem: string) => never): void {
  if (tag === '') fail('tag is empty');
  if (tag.length > TAG_MAX_LENGTH) fail(`tag must not be more than ${TAG_MAX_LENGTH} characters`);
  if (!TAG_RE.test(tag)) {
    fail(
      `tag ${JSON.stringify(tag)} may only contain A-Z a-z 0-9 _ . - and must not start with . or -`,
    );
  }
}

function validateDigest(digest: string, fail: (problem: string) => never): void {
  if (!DIGEST_RE.test(digest)) {
    fail(`digest ${JSON.stringify(digest)} is not in algorithm:hex form`);
  }
  const colon = digest.indexOf(':');
  const algorithm = digest.slice(0, colon);
  const encoding = DIGEST_ENCODINGS[algorithm];
  if (encoding === undefined) fail(`unsupported digest algorithm ${JSON.stringify(algorithm)}`);
  else if (!encoding.test(digest.slice(colon + 1))) {
    fail(
      `${algorithm} digest must be ${algorithm === 'sha256' ? 64 : 128} lowercase hex characters`,
    );
  }
}

/** Canonical string form: `docker.io/library/nginx:1.27`, `ghcr.io/a/b:1@sha256:…`. */
export function formatImageRef(ref: ImageRef): string {
  let out = `${ref.registry}/${ref.repository}`;
  if (ref.tag !== undefined) out += `:${ref.tag}`;
  if (ref.digest !== undefined) out += `@${ref.digest}`;
  return out;
}

/**
 * The repository as Docker shows it in `RepoTags`/`RepoDigests`: `nginx`, `acme/app`,
 * `127.0.0.1:5000/acme/app`.
 */
export function familiarRepository(ref: Pick<ImageRef, 'registry' | 'repository'>): string {
  if (ref.registry !== DOCKER_HUB_REGISTRY) return `${ref.registry}/${ref.repository}`;
  if (ref.repository.startsWith(OFFICIAL_REPO_PREFIX)) {
    const rest = ref.repository.slice(OFFICIAL_REPO_PREFIX.length);
    // distribution only shortens library/<one component>; nested paths stay as they are.
    if (!rest.includes('/')) return rest;
  }
  return ref.repository;
}

/** Host to send registry API calls to: Docker Hub's API lives on `registry-1.docker.io`. */
export function registryApiHost(registry: string): string {
  return registry === DOCKER_HUB_REGISTRY ? DOCKER_HUB_API_HOST : registry;
}

/**
 * Parses one `RepoDigests` entry (`nginx@sha256:…`) so it can be matched to a repository.
 * @throws ImageRefError when the entry has no digest or carries a tag.
 */
export function parseRepoDigest(entry: string): RepoDigest {
  if (!entry.includes('@')) throw new ImageRefError(entry, 'repo digest has no @digest part');
  const ref = parseImageRef(entry);
  if (ref.tag !== undefined) throw new ImageRefError(entry, 'repo digest must not carry a tag');
  // parseImageRef guarantees a digest whenever there is no tag.
  return { registry: ref.registry, repository: ref.repository, digest: ref.digest as string };
}

/** True when both references name the same repository on the same registry. */
export function isSameRepository(
  a: Pick<ImageRef, 'registry' | 'repository'>,
  b: Pick<ImageRef, 'registry' | 'repository'>,
): boolean {
  return a.registry === b.registry && a.repository === b.repository;
}
