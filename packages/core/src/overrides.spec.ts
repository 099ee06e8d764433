import {
  applyTransform,
  checkUserRegex,
  compileOverrides,
  compileUserRegex,
  MAX_PATTERN_LENGTH,
  parseTransform,
  RegexRejectedError,
  testUserRegex,
} from './overrides';

describe('checkUserRegex accepts ordinary tag patterns', () => {
  it.each<[string, string, boolean]>([
    ['^\\d+\\.\\d+\\.\\d+$', '1.2.3', true],
    ['^\\d+\\.\\d+\\.\\d+$', '1.2.3-rc1', false],
    ['^v?\\d+(\\.\\d+)*$', 'v1.2.3', true],
    ['^v?\\d+(\\.\\d+)*$', '1.2.x', false],
    ['^(\\d+\\.)+\\d+$', '4.9.0.12', true],
    ['^(\\d+\\.){2}\\d+$', '1.2.3', true],
    ['^(\\d+\\.){2}\\d+$', '1.2', false],
    ['^(\\d\\.){3}$', '1.2.3.', true],
    ['-alpine$', '1.20-alpine', true],
    ['-alpine$', '1.20-alpine3.19', false],
    ['alpine', '1.20-alpine3.19', true],
    ['^\\d+\\.\\d+-alpine\\d+\\.\\d+$', '1.20-alpine3.19', true],
    ['^(alpine|bookworm)$', 'bookworm', true],
    ['^\\d+(-alpine|-slim)?$', '15-slim', true],
    ['^\\d+(-alpine|-slim)?$', '15-bookworm', false],
    ['rc|beta|alpha', '1.0.0-beta2', true],
    ['^[0-9]+\\.[0-9]+\\.[0-9]+-ls[0-9]+$', '3.2.1-ls105', true],
    ['^[^-]+$', '1.2.3', true],
    ['^[^-]+$', '1.2.3-rc', false],
    ['.*alpine.*', 'x-alpine-y', true],
    ['^.*-.*$', 'a-b', true],
    ['^(\\d+)\\.(\\d+)\\.(\\d+)-(\\d+)-.*$', '1.0.0-269-7b368146', true],
    ['^(?!.*-rc).*$', '1.0.0', true],
    ['^(?!.*-rc).*$', '1.0.0-rc.1', false],
    ['^(?<major>\\d+)\\.\\d+$', '10.4', true],
    ['^\\d{4}-\\d{2}-\\d{2}$', '2025-08-05', true],
    ['\\bv\\d', 'v1', true],
    ['^[\\w.-]+$', 'a_b.c-d', true],
    ['^[a-z-]+\\d', 'version-1', true],
    ['(?:-\\d+)*$', '1-2-3', true],
    ['^v(\\d+\\.)?\\d+$', 'v1.2', true],
    ['^\\x76\\d', 'v1', true],
    ['^\\u0076\\d', 'v1', true],
    // Literal braces (Annex B) are accepted; no tag contains them.
    ['{', 'a{', false],
    ['a{,2}', 'a{,2}', false],
    ['(?!)', '1.2.3', false],
    ['', 'anything', true],
  ])('%s on %s → %s', (pattern, input, matches) => {
    const check = checkUserRegex(pattern);
    expect(check).toEqual({ ok: true, regex: expect.any(RegExp) });
    if (check.ok) expect(testUserRegex(check.regex, input)).toBe(matches);
  });
});

describe('checkUserRegex rejects dangerous or broken patterns', () => {
  it.each<[string, string]>([
    ['(a+)+', 'nested quantifiers'],
    ['(a+)+b', 'nested quantifiers'],
    ['(a*)*', 'nested quantifiers'],
    ['(a?)+', 'nested quantifiers'],
    ['(\\d+)*$', 'nested quantifiers'],
    ['^(\\w+\\d*)+$', 'nested quantifiers'],
    ['(.*a){20}', 'nested quantifiers'],
    ['(.*){1,32}', 'nested quantifiers'],
    ['(x+x+)+y', 'nested quantifiers'],
    ['((ab)+c)+', 'nested quantifiers'],
    ['(?:[a-z]+[0-9]*)+$', 'nested quantifiers'],
    ['(-\\d+-?)+x', 'nested quantifiers'],
    ['(-\\d?\\d?)+x', 'overlapping quantifiers inside the repeated group'],
    ['(\\.\\d+\\d*)+x', 'overlapping quantifiers inside the repeated group'],
    ['(a|aa)+', 'alternation inside the repeated group'],
    ['(a|b)*c', 'alternation inside the repeated group'],
    ['^(\\d+|\\w+)+$', 'alternation inside the repeated group'],
    ['((?:a|b)c)+', 'alternation inside the repeated group'],
    ['.*.*.*x', '4 quantifiers compete'],
    ['^.*.*.*x', '3 quantifiers compete'],
    ['\\d*\\d*\\d*\\d*x', '5 quantifiers compete'],
    ['.*a.*a.*a.*b', '5 quantifiers compete'],
    ['^\\S+-\\S+-\\S+x', '3 quantifiers compete'],
    ['^(?:.*-.*-.*)$', '3 quantifiers compete'],
    ['^(?:x|.*-.*-.*)$', '3 quantifiers compete'],
    ['^x(?=.*-.*-.*y)', '3 quantifiers compete'],
    ['^.*(?=.*-.*y)', '3 quantifiers compete'],
    ['^(?:a|.*)(?:b|.*)(?:c|.*)x', '3 quantifiers compete'],
    ['.*-.*x', 'retried at every position, which counts as one; start it with ^'],
    ['\\d+.*\\d', '3 quantifiers compete'],
    ['^.*-.*\\d+$', '3 quantifiers compete'],
    ['(a)\\1', 'backreferences such as \\1'],
    ['(\\d+)\\.\\1', 'backreferences such as \\1'],
    ['(?<v>\\d)\\k<v>', 'named backreferences'],
    ['(', 'not a valid regular expression'],
    ['[a-', 'not a valid regular expression'],
    ['a{2,1}', 'not a valid regular expression'],
    ['*', 'not a valid regular expression'],
    ['\\', 'not a valid regular expression'],
    ['a'.repeat(MAX_PATTERN_LENGTH + 1), 'the limit is 256'],
  ])('%s (%s)', (pattern, problem) => {
    const check = checkUserRegex(pattern);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain(problem);
  });

  it.each<[string]>([
    ['^\\d+\\.\\d+\\.\\d+$'],
    ['\\d*-\\d*'],
    ['\\d+\\.\\d+\\.\\d+'],
    ['^.*-.*x'],
    ['.*alpine.*'],
    ['^.*-.*$'],
    ['.*-\\d+'],
    ['^.*\\d+$'],
    ['^\\S+-\\S+-\\S+$'],
    ['^.*-.*\\d$'],
    ['^(?!.*-rc)'],
    ['(?!.*-rc)'],
    ['^(?=.*\\d).*alpine$'],
    ['^[a-z]+(\\.[a-z]+)*$'],
    ['^(v\\d+\\.)+$'],
    ['((a+)b)+'],
  ])('accepts %s (competition bounded or separated)', (pattern) => {
    expect(checkUserRegex(pattern).ok).toBe(true);
  });

  it('accepts a pattern of exactly the maximum length', () => {
    expect(checkUserRegex('a'.repeat(MAX_PATTERN_LENGTH)).ok).toBe(true);
  });
});

describe('compileUserRegex', () => {
  it('returns the compiled regex', () => {
    const regex = compileUserRegex('^1\\.', 'tidewatch.tag.include');
    expect(regex.source).toBe('^1\\.');
    expect(regex.flags).toBe('');
  });

  it('throws a RegexRejectedError naming the field and the problem', () => {
    let caught: unknown;
    try {
      compileUserRegex('(a+)+', 'tidewatch.tag.exclude');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RegexRejectedError);
    const error = caught as RegexRejectedError;
    expect(error.field).toBe('tidewatch.tag.exclude');
    expect(error.pattern).toBe('(a+)+');
    expect(error.message).toMatch(/^tidewatch\.tag\.exclude: nested quantifiers in "\(a\+\)\+"/);
    expect(error.name).toBe('RegexRejectedError');
  });
});

describe('testUserRegex', () => {
  it('never matches strings longer than a tag', () => {
    const regex = compileUserRegex('a', 'f');
    expect(testUserRegex(regex, 'a'.repeat(128))).toBe(true);
    expect(testUserRegex(regex, 'a'.repeat(129))).toBe(false);
  });

  it.each([' a', 'a b', 'a/b', 'a:b', '-a', '', 'ä'])('never matches the non-tag %j', (input) => {
    expect(testUserRegex(/./, input)).toBe(false);
  });

  it('is not confused by a stateful global regex', () => {
    const regex = /a/g;
    expect(testUserRegex(regex, 'a')).toBe(true);
    expect(testUserRegex(regex, 'a')).toBe(true);
  });
});

describe('parseTransform and applyTransform', () => {
  it.each<[string, string, string]>([
    ['^(\\d+\\.\\d+\\.\\d+-\\d+)-.*$ => $1', '1.0.0-269-7b368146', '1.0.0-269'],
    ['^(\\d+\\.\\d+\\.\\d+-\\d+)-.*$ => $1', '1.0.0', '1.0.0'],
    ['^v(.*)$ => $1', 'v1.2.3', '1.2.3'],
    ['^(\\d+)\\.(\\d+)$ => $2.$1', '1.20', '20.1'],
    ['^(\\d+)-(\\d+)-(\\d+)$=>$1.$2.$3', '2025-08-05', '2025.08.05'],
    ['^(\\d+)(-rc)?$ => $1$2', '7', '7'],
    ['^(\\d+)(-rc)?$ => $1$2', '7-rc', '7-rc'],
    ['^([\\d.]+)-ls(\\d+)$ => $1.$2', '4.0.13-ls275', '4.0.13.275'],
    ['(\\d+\\.\\d+) => $1', 'v1.2-foo', '1.2'],
    ['^x$ => fixed', 'x', 'fixed'],
    ['^x$ => fixed', 'y', 'y'],
    ['^(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)$ => $10-$1', 'abcdefghij', 'j-a'],
    ['^(?<v>\\d+)$ => $1', '42', '42'],
  ])('%s applied to %s → %s', (expression, tag, expected) => {
    expect(applyTransform(parseTransform(expression), tag)).toBe(expected);
  });

  it('leaves tags alone without a transform, when too long, or when not a tag', () => {
    expect(applyTransform(undefined, 'v1')).toBe('v1');
    const long = `v${'1'.repeat(200)}`;
    expect(applyTransform(parseTransform('^v(.*)$ => $1'), long)).toBe(long);
    expect(applyTransform(parseTransform('^v(.*)$ => $1'), 'v 1')).toBe('v 1');
  });

  it.each<[string, string]>([
    ['^v(.*)$', 'expected "<regex> => <replacement>"'],
    [' => $1', 'the regex is empty'],
    ['^v(.*)$ => ', 'the replacement is empty'],
    ['^v(.*)$ => $2', '$2 refers to a group the regex does not have (it has 1)'],
    ['^v.*$ => $1', '$1 refers to a group the regex does not have (it has 0)'],
    ['(a+)+ => $1', 'nested quantifiers'],
    ['([ => $1', 'not a valid regular expression'],
  ])('rejects %j', (expression, problem) => {
    expect(() => parseTransform(expression)).toThrow(RegexRejectedError);
    expect(() => parseTransform(expression)).toThrow(`tidewatch.tag.transform: ${problem}`);
  });

  it('names a custom field', () => {
    expect(() => parseTransform('nope', 'transformTags')).toThrow(/^transformTags: /);
  });
});

describe('compileOverrides', () => {
  it('compiles what is set and skips empty values', () => {
    const overrides = compileOverrides({
      includeTags: '^\\d+\\.\\d+$',
      excludeTags: '',
      transformTags: '^v(.*)$ => $1',
    });
    expect(overrides.include?.source).toBe('^\\d+\\.\\d+$');
    expect(overrides.exclude).toBeUndefined();
    expect(overrides.transform?.replacement).toBe('$1');
  });

  it.each<[{ includeTags?: string; excludeTags?: string; transformTags?: string }, string]>([
    [{ includeTags: '(a+)+' }, 'tidewatch.tag.include: '],
    [{ excludeTags: '(' }, 'tidewatch.tag.exclude: '],
    [{ transformTags: 'x' }, 'tidewatch.tag.transform: '],
  ])('names the offending label for %j', (input, prefix) => {
    expect(() => compileOverrides(input)).toThrow(prefix);
  });

  it('uses caller-supplied field names', () => {
    expect(() =>
      compileOverrides(
        { includeTags: '(a*)*' },
        { include: 'includeTags', exclude: 'excludeTags', transform: 'transformTags' },
      ),
    ).toThrow(/^includeTags: nested/);
  });
});

describe('accepted patterns stay fast on hostile tags', () => {
  // Not a timing assertion: each accepted pattern is run on worst-case 128-character inputs and
  // must still answer; a catastrophic pattern would hang this test for minutes.
  const hostile = [
    'a'.repeat(128),
    '1'.repeat(128),
    `a${'-a'.repeat(63)}-`,
    `1${'.1'.repeat(63)}!`.slice(0, 128),
    '-'.repeat(127) + 'a',
  ];
  it.each([
    '^v?\\d+(\\.\\d+)*$',
    '^(\\d+\\.)+\\d+$',
    '^.*-.*x',
    '.*alpine.*',
    '^.*-.*$',
    '\\d*-\\d*x',
    '^[a-z]+(\\.[a-z]+)*$',
    '(?:-\\d+)*$',
  ])('%s', (pattern) => {
    const regex = compileUserRegex(pattern, 'f');
    for (const input of hostile) expect(typeof testUserRegex(regex, input)).toBe('boolean');
  });
});
