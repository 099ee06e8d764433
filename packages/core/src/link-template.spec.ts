import { parseTransform } from './overrides';
import { renderLinkTemplate } from './link-template';

describe('renderLinkTemplate', () => {
  it.each<[string | undefined, string, string | null]>([
    [undefined, '1.2.3', null],
    ['', '1.2.3', null],
    ['https://x.io/releases/${original}', '1.2.3', 'https://x.io/releases/1.2.3'],
    ['https://x.io/v${major}.${minor}.${patch}', '1.2.3', 'https://x.io/v1.2.3'],
    ['https://x.io/${major}/${minor}', 'v10.20', 'https://x.io/10/20'],
    ['https://x.io/${raw}', 'latest', 'https://x.io/latest'],
    ['https://x.io/${major}', 'latest', 'https://x.io/'],
    ['https://x.io/${prerelease}', '2.0.0-rc.1', 'https://x.io/rc.1'],
    ['https://x.io/${nope}', '1.0.0', 'https://x.io/'],
    ['https://x.io/${constructor}', '1.0.0', 'https://x.io/'],
    ['https://x.io/${__proto__}', '1.0.0', 'https://x.io/'],
    ['javascript:alert(${major})', '1.0.0', null],
    ['https://x.io/${ major }', '3.1.4', 'https://x.io/3'],
    ['https://x.io/a b', '1.0.0', null],
  ])('%s with %s → %s', (template, tag, expected) => {
    expect(renderLinkTemplate(template, tag)).toBe(expected);
  });

  it('renders from the transformed tag', () => {
    const transform = parseTransform('^(\\d+\\.\\d+\\.\\d+)-\\d+-.*$ => $1');
    expect(renderLinkTemplate('https://x.io/${transformed}/${major}', '1.0.0-269-7b368146', transform)).toBe('https://x.io/1.0.0/1');
  });
});
