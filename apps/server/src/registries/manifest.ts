import { createHash } from 'node:crypto';
import {
  IndexEntry,
  INDEX_MEDIA_TYPES,
  IMAGE_MANIFEST_MEDIA_TYPES,
  MANIFEST_MEDIA_TYPES,
} from '@tidewatch/core';

/** `Accept` for manifest requests: all four types, or registries answer with a converted child or 404. */
export const MANIFEST_ACCEPT = MANIFEST_MEDIA_TYPES.join(', ');

const SCHEMA1_MEDIA_TYPES = [
  'application/vnd.docker.distribution.manifest.v1+prettyjws',
  'application/vnd.docker.distribution.manifest.v1+json',
];

/** The parts of a manifest or index this client needs; cached by digest (content never changes). */
export type ManifestSummary =
  | { kind: 'index'; digest: string; mediaType: string; manifests: IndexEntry[] }
  | {
      kind: 'image';
      digest: string;
      mediaType: string;
      config: { digest: string; mediaType?: string };
    };

/** Why a body is not a manifest we can use; the caller adds registry context. */
export class ManifestParseError extends Error {
  constructor(
    message: string,
    readonly unsupported = false,
  ) {
    super(message);
  }
}

export function sha256Digest(body: Buffer): string {
  return `sha256:${createHash('sha256').update(body).digest('hex')}`;
}

export function isDigest(reference: string): boolean {
  return /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/.test(reference);
}

/** Media type without parameters (`; charset=utf-8`), lower-cased. */
export function baseMediaType(contentType: string | undefined): string | undefined {
  const value = contentType?.split(';')[0]?.trim().toLowerCase();
  return value === '' ? undefined : value;
}

export function parseManifest(
  body: Buffer,
  contentType: string | undefined,
  digest: string,
): ManifestSummary {
  const headerType = baseMediaType(contentType);
  if (headerType && SCHEMA1_MEDIA_TYPES.includes(headerType)) {
    throw new ManifestParseError('is a legacy schema 1 manifest, which is not supported', true);
  }
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new ManifestParseError('is not valid JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new ManifestParseError('is not a JSON object');
  const manifest = json as {
    schemaVersion?: unknown;
    mediaType?: unknown;
    manifests?: unknown;
    config?: unknown;
  };
  if (manifest.schemaVersion === 1)
    throw new ManifestParseError('is a legacy schema 1 manifest, which is not supported', true);

  const bodyType = typeof manifest.mediaType === 'string' ? manifest.mediaType : undefined;
  // OCI allows an index without mediaType in the body; then the header or the shape decides.
  const mediaType =
    bodyType ??
    headerType ??
    (Array.isArray(manifest.manifests) ? INDEX_MEDIA_TYPES[0] : IMAGE_MANIFEST_MEDIA_TYPES[0]) ??
    '';

  if (INDEX_MEDIA_TYPES.includes(mediaType)) {
    if (!Array.isArray(manifest.manifests))
      throw new ManifestParseError('is an index without a manifests list');
    const manifests = manifest.manifests.filter(isDescriptor);
    return { kind: 'index', digest, mediaType, manifests };
  }
  if (IMAGE_MANIFEST_MEDIA_TYPES.includes(mediaType)) {
    if (!isDescriptor(manifest.config))
      throw new ManifestParseError('is an image manifest without a config descriptor');
    const config: { digest: string; mediaType?: string } = { digest: manifest.config.digest };
    if (manifest.config.mediaType) config.mediaType = manifest.config.mediaType;
    return { kind: 'image', digest, mediaType, config };
  }
  throw new ManifestParseError(`has unsupported media type ${mediaType}`, true);
}

function isDescriptor(value: unknown): value is IndexEntry {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { digest?: unknown }).digest === 'string'
  );
}
