/**
 * Docker tags as version *shapes*. A tag is split into prefix, numeric core, prerelease, variant
 * suffix and build counter; two tags are comparable only when their shapes agree, and comparison
 * is numeric all the way down. Nothing is coerced: `4.9.0.12` keeps four parts, `2025-08-05`
 * keeps three, `-ls105` stays a number.
 */

/** A version-like tag broken into its parts. */
export interface ParsedTag {
  readonly raw: string;
  /** Text before the numeric core: `v`, `version-`, `amd64-`, or empty. */
  readonly prefix: string;
  /** The numeric core: `[1, 2, 3]`, `[2025, 8, 5]`, `[3, 2, 1, 5070]`. */
  readonly numbers: readonly number[];
  /** Separators inside the numeric core: `['.', '.']`, or `['-', '-']` for ISO dates. */
  readonly separators: readonly string[];
  /** Variant suffix without prerelease and build: `-alpine3.19`, `-bookworm`, or empty. */
  readonly suffix: string;
  /** The suffix with its digit runs as `#` and commit hashes as `<hash>`: `-alpine#.#`. */
  readonly suffixFamily: string;
  /** Digit runs of the suffix, compared last (`-alpine3.20` > `-alpine3.19`). */
  readonly suffixNumbers: readonly number[];
  /** Trailing build counter: 105 for `-ls105`, 1 for `-r1` or `-1`. */
  readonly build?: number;
  /** How the build counter was written: `-ls`, `-r`, `-`, or empty when there is none. */
  readonly buildMarker: string;
  readonly prerelease: boolean;
  /** Prerelease identifiers, lowercased, numbers as numbers: `['rc', 1]`. Empty for releases. */
  readonly prereleaseIds: readonly (string | number)[];
  /** The core is a calendar version (`2024.10.2`, `2025-08-05`). */
  readonly calendar: boolean;
}

/** Why a tag is not a version, for the decision trace. */
export type TagRejection = 'invalid' | 'signature' | 'not-version';

export type TagInspection =
  | { readonly ok: true; readonly tag: ParsedTag }
  | { readonly ok: false; readonly reason: TagRejection; readonly detail: string };

/** Docker's tag grammar; anything else cannot have come from a registry. */
export const TAG_PATTERN = /^[\w][\w.-]{0,127}$/;

// Beyond 15 digits a Number loses integer precision, and such runs are hashes anyway.
const MAX_NUMBER_DIGITS = 15;
const COMMIT_HASH = /^[a-f0-9]{7,40}$/;
const COMPACT_DATE = /^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;
const SHA_REF = /^sha-[a-f0-9]{7,}$/;
const HASH_WITH_BUILD = /^[a-f0-9]{7,40}-ls\d+$/;
const SIGNATURE_SUFFIX = /\.(?:sig|att|sbom)$/;
const COSIGN_DIGEST_TAG = /^sha256-[a-f0-9]{64}$/;
// Architecture words carry digits (amd64, arm64v8) and would otherwise be read as the version.
const PREFIX =
  /^(?:(?:(?:linux|windows)[-_])?(?:amd64|arm64v8|arm64|arm32v[5-7]|armv[5-7]l?|armhf|i386|x86_64|ppc64le|s390x|riscv64)[-_])?[A-Za-z_.-]*/;
const ISO_DATE = /^((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)/;
const BUILD = /^(.*?)(-ls|-r|-)(\d+)$/;
const PRERELEASE =
  /(^|[-._])(alpha|beta|rc|dev|nightly|preview|pre|canary|snapshot|next|unstable|experimental|insiders?)((?:[-.]?\d+)*)(?=$|[-._])/i;
const SUFFIX_TOKEN = /[A-Za-z0-9]+/g;
const HASH_TOKEN = /^[a-f0-9]{7,40}$/;

/**
 * Classifies a tag: a parsed version, or the reason it is not one.
 */
export function inspectTag(raw: string): TagInspection {
  if (!TAG_PATTERN.test(raw)) {
    return { ok: false, reason: 'invalid', detail: 'not a valid Docker tag' };
  }
  if (isSignatureTag(raw)) {
    return { ok: false, reason: 'signature', detail: 'signature, attestation or SBOM artifact' };
  }
  if (looksLikeCommit(raw)) {
    return { ok: false, reason: 'not-version', detail: 'looks like a commit hash' };
  }

  const prefix = isDigit(raw.charCodeAt(0)) ? '' : (PREFIX.exec(raw) as RegExpExecArray)[0];
  const afterPrefix = raw.slice(prefix.length);
  const core = parseCore(afterPrefix);
  if (core === null) {
    return { ok: false, reason: 'not-version', detail: 'has no numeric version part' };
  }
  if (core.tooLong) {
    return { ok: false, reason: 'not-version', detail: 'number too long to be a version' };
  }

  let rest = afterPrefix.slice(core.length);
  let build: number | undefined;
  let buildMarker = '';
  const buildMatch = rest === '' ? null : BUILD.exec(rest);
  if (buildMatch !== null && buildMatch[3].length <= MAX_NUMBER_DIGITS) {
    rest = buildMatch[1];
    buildMarker = buildMatch[2];
    build = Number(buildMatch[3]);
  }

  let prereleaseIds: readonly (string | number)[] = NONE;
  const pre = rest === '' ? null : PRERELEASE.exec(rest);
  if (pre !== null) {
    const ids: (string | number)[] = [pre[2].toLowerCase()];
    for (const digits of pre[3].match(/\d+/g) ?? []) ids.push(Number(digits));
    prereleaseIds = ids;
    rest = rest.slice(0, pre.index) + rest.slice(pre.index + pre[0].length);
  }

  const family = suffixFamily(rest);
  const tag: ParsedTag = {
    raw,
    prefix,
    numbers: core.numbers,
    separators: core.separators,
    suffix: rest,
    suffixFamily: family.family,
    suffixNumbers: family.numbers,
    build,
    buildMarker,
    prerelease: prereleaseIds.length > 0,
    prereleaseIds,
    calendar: core.calendar,
  };
  return { ok: true, tag };
}

/**
 * Parses a tag into its version shape, or returns null for tags that are not versions
 * (`latest`, `stable`, commit hashes, `sha-…`, signatures).
 */
export function parseTag(raw: string): ParsedTag | null {
  const inspection = inspectTag(raw);
  return inspection.ok ? inspection.tag : null;
}

/** True for cosign/referrer artifacts (`sha256-<hex>.sig`, `*.att`, `*.sbom`): never images to run. */
export function isSignatureTag(raw: string): boolean {
  return SIGNATURE_SUFFIX.test(raw) || (raw.startsWith('sha256-') && COSIGN_DIGEST_TAG.test(raw));
}

// Cheap guards first: these regexes rarely match and run on every tag of large repositories.
function looksLikeCommit(raw: string): boolean {
  if (raw.length >= 7 && raw.length <= 40 && COMMIT_HASH.test(raw)) return !COMPACT_DATE.test(raw);
  if (raw.startsWith('sha-')) return SHA_REF.test(raw);
  return raw.includes('-ls') && HASH_WITH_BUILD.test(raw);
}

interface Core {
  numbers: number[];
  separators: readonly string[];
  length: number;
  calendar: boolean;
  tooLong: boolean;
}

function parseCore(text: string): Core | null {
  const date = text.length >= 10 && text[4] === '-' ? ISO_DATE.exec(text) : null;
  if (date !== null) {
    return {
      numbers: [Number(date[1]), Number(date[2]), Number(date[3])],
      separators: DASHES,
      length: date[0].length,
      calendar: true,
      tooLong: false,
    };
  }
  // Hand-rolled `\d+(\.\d+)*`: this runs for every tag of a repository and regex + split +
  // map allocated most of selectCandidate's time.
  const numbers: number[] = [];
  let tooLong = false;
  let firstDigits = 0;
  let index = 0;
  for (;;) {
    const start = index;
    let value = 0;
    while (index < text.length && isDigit(text.charCodeAt(index))) {
      value = value * 10 + (text.charCodeAt(index) - 48);
      index += 1;
    }
    if (index === start) break;
    if (index - start > MAX_NUMBER_DIGITS) tooLong = true;
    if (numbers.length === 0) firstDigits = index - start;
    numbers.push(value);
    if (text[index] !== '.' || !isDigit(text.charCodeAt(index + 1))) break;
    index += 1;
  }
  if (numbers.length === 0) return null;
  return {
    numbers,
    separators: DOTS[numbers.length - 1] ?? Array<string>(numbers.length - 1).fill('.'),
    length: index,
    // A 4-digit year followed by a month-sized part: CalVer (`2024.10.2`), which must never be
    // weighed against SemVer (`10.11.4`) — getwud/wud#866.
    calendar:
      numbers.length >= 2 &&
      firstDigits === 4 &&
      numbers[0] >= 1900 &&
      numbers[0] <= 2099 &&
      numbers[1] >= 1 &&
      numbers[1] <= 12,
    tooLong,
  };
}

// Shared, frozen: nearly every tag has one of these, and the parse runs per tag.
const NONE: readonly never[] = Object.freeze([]);
const DOTS: readonly (readonly string[])[] = [0, 1, 2, 3, 4, 5].map((count) =>
  Object.freeze(Array<string>(count).fill('.')),
);
const DASHES: readonly string[] = Object.freeze(['-', '-']);

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const NO_SUFFIX = { family: '', numbers: NONE };

function suffixFamily(suffix: string): { family: string; numbers: readonly number[] } {
  if (suffix === '') return NO_SUFFIX;
  const numbers: number[] = [];
  const family = suffix.replace(SUFFIX_TOKEN, (token) => {
    // A commit hash in the suffix (Plex `-cb3ebc72d`) changes every release and orders nothing.
    if (HASH_TOKEN.test(token) && /\d/.test(token) && /[a-f]/.test(token)) return '<hash>';
    return token.replace(/\d+/g, (digits) => {
      numbers.push(digits.length > MAX_NUMBER_DIGITS ? Number.MAX_SAFE_INTEGER : Number(digits));
      return '#';
    });
  });
  return { family, numbers };
}

/** Options for {@link shapeKey}. */
export interface ShapeOptions {
  /** Leave the prefix out, for when an include regex already decides which prefixes qualify. */
  readonly ignorePrefix?: boolean;
}

/**
 * A readable key that is equal for two tags exactly when they are comparable:
 * `v#.#.#`, `#.#-alpine#.#`, `#.#.#.#-ls#`, `YYYY-#-#`. Prereleases share their release's key.
 */
export function shapeKey(tag: ParsedTag, options: ShapeOptions = {}): string {
  let key = options.ignorePrefix ? '' : tag.prefix;
  tag.numbers.forEach((_, index) => {
    if (index > 0) key += tag.separators[index - 1];
    key += index === 0 && tag.calendar ? 'YYYY' : '#';
  });
  key += tag.suffixFamily;
  if (tag.build !== undefined) key += `${tag.buildMarker}#`;
  return key;
}

/** True when the two tags have the same shape and can be ordered against each other. */
export function sameShape(a: ParsedTag, b: ParsedTag, options: ShapeOptions = {}): boolean {
  return shapeKey(a, options) === shapeKey(b, options);
}

/**
 * Orders two version tags: numeric core element-wise, then release above its prereleases
 * (prerelease identifiers compared as in SemVer), then the build counter, then suffix numbers.
 * Meaningful only for tags of the same shape.
 * @returns negative when `a` is older, positive when newer, 0 when equal.
 * @throws TypeError when a string argument is not a version tag.
 */
export function compareTags(a: ParsedTag | string, b: ParsedTag | string): number {
  const left = toParsed(a);
  const right = toParsed(b);
  return (
    compareNumberLists(left.numbers, right.numbers) ||
    comparePrerelease(left, right) ||
    // The prerelease comes before the build: `1.0.0-r1` is the release, newer than any
    // rebuild of `1.0.0-rc.1`.
    (left.build ?? -1) - (right.build ?? -1) ||
    compareNumberLists(left.suffixNumbers, right.suffixNumbers)
  );
}

function toParsed(tag: ParsedTag | string): ParsedTag {
  if (typeof tag !== 'string') return tag;
  const parsed = parseTag(tag);
  if (parsed === null) throw new TypeError(`${JSON.stringify(tag)} is not a version tag`);
  return parsed;
}

function compareNumberLists(a: readonly number[], b: readonly number[]): number {
  const common = Math.min(a.length, b.length);
  for (let index = 0; index < common; index += 1) {
    if (a[index] !== b[index]) return a[index] - b[index];
  }
  return a.length - b.length;
}

function comparePrerelease(a: ParsedTag, b: ParsedTag): number {
  if (a.prerelease !== b.prerelease) return a.prerelease ? -1 : 1;
  const common = Math.min(a.prereleaseIds.length, b.prereleaseIds.length);
  for (let index = 0; index < common; index += 1) {
    const order = compareIdentifier(a.prereleaseIds[index], b.prereleaseIds[index]);
    if (order !== 0) return order;
  }
  return a.prereleaseIds.length - b.prereleaseIds.length;
}

// SemVer §11: numeric identifiers sort numerically and below alphanumeric ones.
function compareIdentifier(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
