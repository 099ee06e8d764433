import type { Container } from '../types';

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

export type UpdateBadge = {
  text: string;
  tone: 'major' | 'minor' | 'patch' | 'prerelease' | 'digest' | 'neutral';
};

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
      return { text: 'prerelease', tone: 'prerelease' };
    case 'unknown':
    case null:
      return { text: 'update', tone: 'neutral' };
  }
}

export function candidateLabel(container: Container): string | null {
  if (!container.updateAvailable || !container.result) return null;
  if (container.updateKind?.kind === 'digest')
    return container.result.digest ? shortDigest(container.result.digest) : null;
  return container.result.tag;
}

export function shortDigest(digest: string): string {
  return digest.replace(/^sha256:/, '').slice(0, 12);
}

/** A one-line outcome of a check, for the toast after "Check now". */
export function checkOutcome(container: Container): string {
  const name = container.displayName;
  if (container.error) return `${name}: the check failed (${container.error.message})`;
  const candidate = candidateLabel(container);
  if (container.updateAvailable)
    return `${name}: update available${candidate ? ` → ${candidate}` : ''}`;
  return `${name} is up to date`;
}

/** The release-notes (or changelog) link of the candidate, else of the running version. */
export function releaseLink(container: Container): string | null {
  const link = container.result?.link ?? container.link;
  return link && /^https?:\/\//i.test(link) ? link : null;
}
