import { applyTransform, type TagTransform } from './overrides';
import { parseTag } from './tag';

/** Variables a link template may use, as WUD's `wud.link.template` does. */
export const LINK_TEMPLATE_VARIABLES = ['original', 'raw', 'transformed', 'major', 'minor', 'patch', 'prerelease'] as const;

const PLACEHOLDER = /\$\{\s*([\w$.]+)\s*\}/g;

/**
 * Renders a release-notes link for a tag, e.g. `https://github.com/acme/app/releases/tag/v${major}.${minor}.${patch}`.
 * Only the named variables are substituted (no expressions); unknown variables render empty.
 * Returns null when there is no template or the result is not an http(s) URL.
 */
export function renderLinkTemplate(template: string | undefined | null, tag: string, transform?: TagTransform): string | null {
  if (!template) return null;
  const transformed = applyTransform(transform, tag);
  const parsed = parseTag(transformed);
  const values: Record<(typeof LINK_TEMPLATE_VARIABLES)[number], string> = {
    original: tag,
    raw: tag,
    transformed,
    major: parsed?.numbers[0]?.toString() ?? '',
    minor: parsed?.numbers[1]?.toString() ?? '',
    patch: parsed?.numbers[2]?.toString() ?? '',
    prerelease: parsed?.prereleaseIds.join('.') ?? '',
  };
  const rendered = template.slice(0, 2048).replace(PLACEHOLDER, (_, name: string) => (Object.hasOwn(values, name) ? values[name as keyof typeof values] : ''));
  return /^https?:\/\/[^\s]+$/.test(rendered) ? rendered : null;
}
