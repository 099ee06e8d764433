/**
 * Per-container tag overrides in WUD's syntax: include and exclude regexes (unanchored JS
 * RegExp), and a transform `"<regex> => <replacement with $1 $2>"`.
 *
 * The regexes come from container labels, so they are hostile input: they run inside the server
 * against every tag of a repository (up to tens of thousands), and one catastrophic pattern would
 * stall the whole process. JS RegExp has no timeout, so patterns are vetted (regex-guard.ts)
 * before they are used.
 */

import { PatternRejection, vetPattern } from './regex-guard';
import { TAG_PATTERN } from './tag';

/** Longest pattern accepted from a label. */
export const MAX_PATTERN_LENGTH = 256;
/** Longest string a user regex is ever run against (Docker tags are at most 128 characters). */
export const MAX_TESTED_LENGTH = 128;

/** A user regex refused before it could run; the message names the field and the problem. */
export class RegexRejectedError extends Error {
  override readonly name = 'RegexRejectedError';

  constructor(
    readonly field: string,
    readonly pattern: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

export type RegexCheck =
  { readonly ok: true; readonly regex: RegExp } | { readonly ok: false; readonly message: string };

/**
 * Vets and compiles a user-supplied regex without throwing, for validation forms and APIs.
 */
export function checkUserRegex(pattern: string): RegexCheck {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return {
      ok: false,
      message: `pattern is ${pattern.length} characters long; the limit is ${MAX_PATTERN_LENGTH}`,
    };
  }
  let regex: RegExp;
  try {
    regex = new RegExp(pattern);
  } catch (error) {
    return { ok: false, message: `not a valid regular expression (${(error as Error).message})` };
  }
  try {
    vetPattern(pattern);
  } catch (error) {
    if (error instanceof PatternRejection) return { ok: false, message: error.message };
    throw error;
  }
  return { ok: true, regex };
}

/**
 * Vets and compiles a user-supplied regex.
 * @param fieldName named in the error, e.g. `tidewatch.tag.include`.
 * @throws RegexRejectedError when the pattern is too long, invalid, or could backtrack
 *   catastrophically.
 */
export function compileUserRegex(pattern: string, fieldName: string): RegExp {
  const check = checkUserRegex(pattern);
  if (!check.ok) throw new RegexRejectedError(fieldName, pattern, check.message);
  return check.regex;
}

/**
 * Runs a vetted user regex against a tag. Anything that is not a Docker tag never matches: the
 * guard's guarantees are computed for tags (at most 128 characters of `[A-Za-z0-9_.-]`).
 */
export function testUserRegex(regex: RegExp, input: string): boolean {
  if (!TAG_PATTERN.test(input)) return false;
  // A /g or /y regex would carry lastIndex from one tag to the next.
  regex.lastIndex = 0;
  return regex.test(input);
}

/** A parsed `"<regex> => <replacement>"` transform. */
export interface TagTransform {
  readonly regex: RegExp;
  readonly replacement: string;
}

/**
 * Parses a WUD-style transform, `^(\d+\.\d+\.\d+)-.*$ => $1`.
 * @throws RegexRejectedError naming the field when the expression or its regex is unusable.
 */
export function parseTransform(
  expression: string,
  fieldName = 'tidewatch.tag.transform',
): TagTransform {
  const arrow = expression.indexOf('=>');
  if (arrow === -1) {
    throw new RegexRejectedError(fieldName, expression, 'expected "<regex> => <replacement>"');
  }
  const pattern = expression.slice(0, arrow).trim();
  const replacement = expression.slice(arrow + 2).trim();
  if (pattern === '') throw new RegexRejectedError(fieldName, expression, 'the regex is empty');
  if (replacement === '') {
    throw new RegexRejectedError(fieldName, expression, 'the replacement is empty');
  }
  const regex = compileUserRegex(pattern, fieldName);
  // Counting groups by matching an always-empty alternative is exact, unlike scanning for "(".
  const groups = (new RegExp(`${pattern}|`).exec('') as RegExpExecArray).length - 1;
  for (const placeholder of replacement.match(/\$\d+/g) ?? []) {
    const index = Number(placeholder.slice(1));
    if (index > groups) {
      throw new RegexRejectedError(
        fieldName,
        expression,
        `${placeholder} refers to a group the regex does not have (it has ${groups})`,
      );
    }
  }
  return { regex, replacement };
}

/**
 * Applies a transform to a tag. As in WUD, the result is the replacement with `$n` filled from
 * the match, and a tag the regex does not match is returned unchanged (as is anything that is
 * not a Docker tag, which the regex guard makes no promises for).
 */
export function applyTransform(transform: TagTransform | undefined, tag: string): string {
  if (transform === undefined || !TAG_PATTERN.test(tag)) return tag;
  transform.regex.lastIndex = 0;
  const match = transform.regex.exec(tag);
  if (match === null) return tag;
  return transform.replacement.replace(
    /\$(\d+)/g,
    (_, index: string) => match[Number(index)] ?? '',
  );
}

/** Raw override values, as read from labels. Empty strings count as unset. */
export interface TagOverrideInput {
  readonly includeTags?: string;
  readonly excludeTags?: string;
  readonly transformTags?: string;
}

/** Vetted, compiled overrides. */
export interface TagOverrides {
  readonly include?: RegExp;
  readonly exclude?: RegExp;
  readonly transform?: TagTransform;
}

/** Field names used in error messages; defaults are the container labels. */
export interface OverrideFieldNames {
  readonly include: string;
  readonly exclude: string;
  readonly transform: string;
}

export const DEFAULT_OVERRIDE_FIELDS: OverrideFieldNames = {
  include: 'tidewatch.tag.include',
  exclude: 'tidewatch.tag.exclude',
  transform: 'tidewatch.tag.transform',
};

/**
 * Compiles all three overrides at once.
 * @throws RegexRejectedError naming the first offending field.
 */
export function compileOverrides(
  input: TagOverrideInput,
  fields: OverrideFieldNames = DEFAULT_OVERRIDE_FIELDS,
): TagOverrides {
  const result: { include?: RegExp; exclude?: RegExp; transform?: TagTransform } = {};
  if (input.includeTags) result.include = compileUserRegex(input.includeTags, fields.include);
  if (input.excludeTags) result.exclude = compileUserRegex(input.excludeTags, fields.exclude);
  if (input.transformTags) result.transform = parseTransform(input.transformTags, fields.transform);
  return result;
}
