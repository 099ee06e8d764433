import { resolveIcon } from './icons';

describe('resolveIcon', () => {
  it.each([
    ['mdi:docker', { kind: 'builtin', name: 'container' }],
    ['mdi:database', { kind: 'builtin', name: 'database' }],
    ['si:postgresql', { kind: 'builtin', name: 'database' }],
    ['si:redis', { kind: 'builtin', name: 'database' }],
    ['mdi-web', { kind: 'builtin', name: 'globe' }],
    ['si:nginxproxymanager', { kind: 'builtin', name: 'network' }],
    ['fa:home', { kind: 'builtin', name: 'home' }],
    ['si:jellyfin', { kind: 'builtin', name: 'media' }],
    ['', { kind: 'builtin', name: 'container' }],
    [
      'https://cdn.example/icons/app.png',
      { kind: 'image', src: 'https://cdn.example/icons/app.png' },
    ],
  ])('%s', (icon, expected) => {
    expect(resolveIcon(icon, 'web')).toEqual(expected);
  });

  it('falls back to a stable letter monogram for unknown names', () => {
    const first = resolveIcon('si:zzzebra', 'web');
    expect(first).toMatchObject({ kind: 'monogram', letter: 'Z' });
    expect(resolveIcon('si:zzzebra', 'other')).toEqual(first);
    expect(resolveIcon('javascript:void(0)', 'web').kind).not.toBe('image');
  });
});
