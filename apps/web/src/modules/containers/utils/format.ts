import type { Container } from '@tidewatch/api-client';

/** `127.0.0.1:5000/acme/app:1.0.0`, or `nginx:1.25` for Docker Hub's official images. */
export function imageLabel(container: Container): string {
  const { image } = container;
  const hub = image.registry.name.startsWith('hub.');
  const name = hub ? image.name.replace(/^library\//, '') : image.name;
  const host = hub ? '' : `${registryHost(image.registry.url)}/`;
  return `${host}${name}:${image.tag.value}`;
}

function registryHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export type UpdateBadge = { text: string; tone: 'major' | 'minor' | 'patch' | 'digest' | 'neutral' };

/** What the update column says: the candidate and how big a step it is. */
export function updateBadge(container: Container): UpdateBadge | null {
  if (!container.updateAvailable || !container.updateKind) return null;
  const { kind, semverDiff } = container.updateKind;
  if (kind === 'digest') return { text: 'digest', tone: 'digest' };
  switch (semverDiff) {
    case 'major':
    case 'minor':
    case 'patch':
      return { text: semverDiff, tone: semverDiff };
    case 'prerelease':
      return { text: 'prerelease', tone: 'neutral' };
    case 'unknown':
    case null:
      return { text: 'update', tone: 'neutral' };
  }
}

export function candidateLabel(container: Container): string | null {
  if (!container.updateAvailable || !container.result) return null;
  if (container.updateKind?.kind === 'digest') return container.result.digest ? shortDigest(container.result.digest) : null;
  return container.result.tag;
}

export function shortDigest(digest: string): string {
  return digest.replace(/^sha256:/, '').slice(0, 12);
}
