import { containerStatus, updateKindLabel } from './metrics.service';

describe('metrics labels', () => {
  it.each([
    [{ updateAvailable: false, errorMessage: 'registry down', checkedAt: '2026-01-01' }, 'error'],
    [{ updateAvailable: true, errorMessage: null, checkedAt: '2026-01-01' }, 'update_available'],
    [{ updateAvailable: false, errorMessage: null, checkedAt: '2026-01-01' }, 'up_to_date'],
    [{ updateAvailable: false, errorMessage: null, checkedAt: null }, 'unchecked'],
  ])('container status %#', (container, status) => {
    expect(containerStatus(container)).toBe(status);
  });

  it.each([
    [{ kind: 'digest', localValue: 'a', remoteValue: 'b', semverDiff: null }, 'digest'],
    [{ kind: 'tag', localValue: '1.0.0', remoteValue: '2.0.0', semverDiff: 'major' }, 'major'],
    [{ kind: 'tag', localValue: '1.0.0', remoteValue: '1.0.1', semverDiff: 'patch' }, 'patch'],
    [{ kind: 'tag', localValue: 'a', remoteValue: 'b', semverDiff: null }, 'unknown'],
    [null, 'unknown'],
  ] as const)('update kind %#', (updateKind, label) => {
    expect(updateKindLabel({ updateKind })).toBe(label);
  });
});
