import { nextLink, parseLinkHeader } from './link-header';

describe('parseLinkHeader', () => {
  it('parses a distribution link', () => {
    expect(parseLinkHeader('</v2/acme/app/tags/list?last=1.9&n=100>; rel="next"')).toEqual([
      { uri: '/v2/acme/app/tags/list?last=1.9&n=100', params: { rel: 'next' } },
    ]);
  });

  it('parses several links and parameters', () => {
    expect(
      parseLinkHeader('<https://a/1>; rel="prev"; title="x, y", <https://a/3>;rel=next'),
    ).toEqual([
      { uri: 'https://a/1', params: { rel: 'prev', title: 'x, y' } },
      { uri: 'https://a/3', params: { rel: 'next' } },
    ]);
  });

  it('keeps commas inside the target', () => {
    expect(parseLinkHeader('</v2/x/tags/list?last=a,b&n=2>; rel="next"')[0]?.uri).toBe(
      '/v2/x/tags/list?last=a,b&n=2',
    );
  });

  it('joins several header lines', () => {
    expect(parseLinkHeader(['<a>; rel="prev"', '<b>; rel="next"']).map((l) => l.uri)).toEqual([
      'a',
      'b',
    ]);
  });

  it.each([undefined, '', 'garbage', '<unterminated'])('yields nothing for %j', (header) => {
    expect(parseLinkHeader(header)).toEqual([]);
  });
});

describe('nextLink', () => {
  const base = 'https://registry.example:5000/v2/acme/app/tags/list?n=1000';
  const cases: Array<[string, string | undefined]> = [
    [
      '</v2/acme/app/tags/list?last=b&n=1000>; rel="next"',
      'https://registry.example:5000/v2/acme/app/tags/list?last=b&n=1000',
    ],
    // Quay: opaque next_page token kept untouched.
    [
      '</v2/org/repo/tags/list?n=50&next_page=gAAAAABnX0kz%3D%3D>; rel="next"',
      'https://registry.example:5000/v2/org/repo/tags/list?n=50&next_page=gAAAAABnX0kz%3D%3D',
    ],
    [
      '<https://other.example/page2?token=abc>; rel="next"',
      'https://other.example/page2?token=abc',
    ],
    ['<?last=z>; rel=next', 'https://registry.example:5000/v2/acme/app/tags/list?last=z'],
    ['<list?last=q>; rel="next"', 'https://registry.example:5000/v2/acme/app/tags/list?last=q'],
    ['</p2>; rel="prev next"', 'https://registry.example:5000/p2'],
    ['</p2>; REL="Next"', 'https://registry.example:5000/p2'],
    ['</p0>; rel="prev"', undefined],
    ['</p2>', undefined],
    ['<>; rel="next"', undefined],
  ];
  it.each(cases)('%s', (header, expected) => {
    expect(nextLink(header, base)?.toString()).toBe(expected);
  });
});
