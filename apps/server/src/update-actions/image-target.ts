import { parseImageRef } from '@tidewatch/core';

/**
 * The reference without tag or digest, as the user wrote it (`nginx`, `127.0.0.1:5000/acme/app`),
 * so a pull by digest keeps the familiar name.
 */
export function pullReference(reference: string): string {
  const ref = parseImageRef(reference);
  const withoutDigest = reference.split('@')[0];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const name = colon > lastSlash ? withoutDigest.slice(0, colon) : withoutDigest;
  return name || `${ref.registry}/${ref.repository}`;
}

/** The same reference with another tag (and no digest). */
export function withTag(reference: string, tag: string): string {
  return `${pullReference(reference)}:${tag}`;
}
