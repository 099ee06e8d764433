/** The parts of an image reference as written: `[registry/]repository[:tag][@digest]`. */
export interface ReferenceParts {
  /** Everything before the tag and digest (registry host and path included). */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Splits a reference without normalising it (`nginx` stays `nginx`). */
export function splitReference(reference: string): ReferenceParts {
  let rest = reference;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  let tag: string | undefined;
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return {
    repository: rest,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

export function isDigestReference(reference: string): boolean {
  return /@sha256:[0-9a-f]{64}$/.test(reference);
}
