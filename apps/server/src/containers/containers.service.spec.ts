import type { ContainerEntity } from '../database/entities';
import { sortContainers } from './containers.service';

const container = (name: string, watcher: string, fields: Partial<ContainerEntity> = {}) =>
  ({ name, watcher, status: 'running', updateAvailable: false, checkedAt: null, image: { name: `acme/${name}`, tag: { value: '1.0.0' } }, ...fields }) as ContainerEntity;

describe('sortContainers', () => {
  const list = [
    container('b', 'edge', { updateAvailable: true, checkedAt: '2026-01-02' }),
    container('a', 'local', { status: 'exited', checkedAt: '2026-01-03' }),
    container('c', 'edge', { checkedAt: '2026-01-01' }),
  ];
  it.each<[string, string[]]>([
    ['name', ['a', 'b', 'c']],
    ['-name', ['c', 'b', 'a']],
    ['watcher', ['b', 'c', 'a']],
    ['-updateAvailable', ['b', 'c', 'a']],
    ['checkedAt', ['c', 'b', 'a']],
    ['-status', ['b', 'c', 'a']],
    ['image', ['a', 'b', 'c']],
  ])('%s', (sort, expected) => {
    expect(sortContainers(list, sort).map((c) => c.name)).toEqual(expected);
  });

  it('does not change the input', () => {
    sortContainers(list, '-name');
    expect(list.map((c) => c.name)).toEqual(['b', 'a', 'c']);
  });
});
