import { UsageError, parseArgs } from './args';

describe('parseArgs', () => {
  const spec = { flags: ['json', 'force'], options: ['env-file'], maxPositionals: 1 };
  it.each([
    [['--json'], { flags: ['json'], options: {}, positionals: [] }],
    [
      ['--env-file', 'a.env', 'x'],
      { flags: [], options: { 'env-file': 'a.env' }, positionals: ['x'] },
    ],
    [['--env-file=b=c.env'], { flags: [], options: { 'env-file': 'b=c.env' }, positionals: [] }],
    [['--', '--json'], { flags: [], options: {}, positionals: ['--json'] }],
  ])('%j', (argv, expected) => {
    const parsed = parseArgs(argv, spec);
    expect({
      flags: [...parsed.flags],
      options: Object.fromEntries(parsed.options),
      positionals: parsed.positionals,
    }).toEqual(expected);
  });
  it.each([
    [['--nope'], /unknown option --nope/],
    [['--json=1'], /takes no value/],
    [['--env-file'], /needs a value/],
    [['--env-file', '--json'], /needs a value/],
    [['a', 'b'], /unexpected argument "b"/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv, spec)).toThrow(UsageError);
    expect(() => parseArgs(argv, spec)).toThrow(message);
  });
});
