/**
 * Platforms (os/architecture/variant) and choosing the entry of a multi-arch image index.
 * Normalisation follows containerd's `normalizeArch` so `aarch64`, `arm64/v8` and `arm64` are one
 * platform (raw equality produced "manifest not found" on arm64 in other tools).
 */

/** An image platform as Docker reports it (`Os`, `Architecture`, `Variant`) or an index lists it. */
export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
  /** Windows build, e.g. `10.0.17763.1234`; only matched for `windows`. */
  osVersion?: string;
}

/** Manifest media types a registry client asks for and understands, in `Accept` order. */
export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

export const INDEX_MEDIA_TYPES: readonly string[] = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerManifestList,
];
export const IMAGE_MANIFEST_MEDIA_TYPES: readonly string[] = [
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerManifest,
];
export const MANIFEST_MEDIA_TYPES: readonly string[] = [
  ...INDEX_MEDIA_TYPES,
  ...IMAGE_MANIFEST_MEDIA_TYPES,
];

/** A descriptor inside an image index (`manifests[]`), as the registry sends it. */
export interface IndexEntry {
  mediaType?: string;
  digest: string;
  size?: number;
  platform?: {
    os?: string;
    architecture?: string;
    variant?: string;
    'os.version'?: string;
  };
  annotations?: Record<string, string>;
}

/** Normalises architecture and variant with containerd's rules; os is lower-cased. */
export function normalizePlatform(platform: Platform): Platform {
  const os = normalizeOs(platform.os);
  let architecture = (platform.architecture ?? '').trim().toLowerCase();
  let variant = (platform.variant ?? '').trim().toLowerCase();
  switch (architecture) {
    case 'i386':
    case 'i686':
      architecture = '386';
      variant = '';
      break;
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      architecture = 'amd64';
      if (variant === 'v1') variant = '';
      break;
    case 'aarch64':
    case 'arm64':
      architecture = 'arm64';
      if (variant === '8' || variant === 'v8' || variant === 'v8.0') variant = '';
      break;
    case 'armhf':
      architecture = 'arm';
      variant = 'v7';
      break;
    case 'armel':
      architecture = 'arm';
      variant = 'v6';
      break;
    case 'arm':
      if (variant === '' || variant === '7') variant = 'v7';
      else if (/^[5-8]$/.test(variant)) variant = `v${variant}`;
      break;
    default:
      break;
  }
  const normalized: Platform = { os, architecture, variant };
  if (platform.osVersion) normalized.osVersion = platform.osVersion.trim();
  return normalized;
}

function normalizeOs(os: string | undefined): string {
  const value = (os ?? '').trim().toLowerCase();
  return value === 'macos' ? 'darwin' : value;
}

/** `linux/arm64/v8` style text (after normalisation the arm64 example prints as `linux/arm64`). */
export function formatPlatform(platform: Platform): string {
  const { os, architecture, variant } = platform;
  return [os, architecture, variant].filter((part) => part !== undefined && part !== '').join('/');
}

/** Parses `os/arch[/variant]`, e.g. `linux/arm/v7`; throws on anything else. */
export function parsePlatform(text: string): Platform {
  const parts = text.trim().split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => part === '')) {
    throw new Error(`Invalid platform "${text}": expected os/architecture[/variant]`);
  }
  const [os, architecture, variant] = parts as [string, string, string?];
  return variant === undefined ? { os, architecture } : { os, architecture, variant };
}

/** True when both describe the same platform after normalisation (os.version is not compared). */
export function isSamePlatform(a: Platform, b: Platform): boolean {
  const x = normalizePlatform(a);
  const y = normalizePlatform(b);
  return x.os === y.os && x.architecture === y.architecture && x.variant === y.variant;
}

/** BuildKit attestations (`unknown/unknown`, `vnd.docker.reference.type`) are not runnable. */
export function isAttestationEntry(entry: IndexEntry): boolean {
  if (entry.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') return true;
  return entry.platform?.os === 'unknown' && entry.platform?.architecture === 'unknown';
}

export interface SelectPlatformOptions {
  /** Media types an entry may have; others are skipped as the OCI spec requires. */
  mediaTypes?: readonly string[];
}

/**
 * Picks the index entry to run on `wanted`: os and architecture must match; then the exact
 * normalised variant wins, else the highest older-but-compatible variant (arm/v6 on an arm/v7
 * host). On Windows an entry whose `os.version` has the host's build is preferred.
 * Attestations and entries with unknown media types are skipped. Returns undefined when nothing
 * can run on the platform.
 */
export function selectPlatformEntry<T extends IndexEntry>(
  entries: readonly T[],
  wanted: Platform,
  options: SelectPlatformOptions = {},
): T | undefined {
  const mediaTypes = options.mediaTypes ?? MANIFEST_MEDIA_TYPES;
  const want = normalizePlatform(wanted);
  let candidates = entries
    .filter((entry) => entry.mediaType !== undefined && mediaTypes.includes(entry.mediaType))
    .filter((entry) => entry.platform !== undefined && !isAttestationEntry(entry))
    .map((entry) => ({ entry, platform: normalizePlatform(entryPlatform(entry)) }))
    .filter(
      ({ platform }) => platform.os === want.os && platform.architecture === want.architecture,
    );

  if (want.os === 'windows' && want.osVersion) {
    const build = windowsBuild(want.osVersion);
    const sameBuild = candidates.filter(
      ({ platform }) => platform.osVersion && windowsBuild(platform.osVersion) === build,
    );
    if (sameBuild.length > 0) candidates = sameBuild;
  }

  const exact = candidates.find(({ platform }) => platform.variant === want.variant);
  if (exact) return exact.entry;

  const wantedLevel = variantLevel(want.architecture, want.variant);
  if (wantedLevel === undefined) return undefined;
  let best: { entry: T; level: number } | undefined;
  for (const { entry, platform } of candidates) {
    const level = variantLevel(platform.architecture, platform.variant);
    if (level !== undefined && level <= wantedLevel && (!best || level > best.level))
      best = { entry, level };
  }
  return best?.entry;
}

function entryPlatform(entry: IndexEntry): Platform {
  const platform = entry.platform ?? {};
  const result: Platform = {
    os: platform.os ?? '',
    architecture: platform.architecture ?? '',
    variant: platform.variant ?? '',
  };
  if (platform['os.version']) result.osVersion = platform['os.version'];
  return result;
}

/** Variant as a number (`v7` → 7); an empty variant is the architecture's baseline. */
function variantLevel(architecture: string, variant: string | undefined): number | undefined {
  if (!variant) {
    if (architecture === 'amd64') return 1;
    if (architecture === 'arm64') return 8;
    return 0;
  }
  const match = /^v?(\d+)$/.exec(variant);
  return match ? Number(match[1]) : undefined;
}

function windowsBuild(osVersion: string): string {
  return osVersion.split('.').slice(0, 3).join('.');
}
