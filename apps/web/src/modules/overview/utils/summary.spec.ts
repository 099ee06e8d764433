import { makeContainer, withUpdate } from '../../../test-utils';
import { summarizeFleet } from './summary';

describe('summarizeFleet', () => {
  it('counts hosts, containers, updates by kind and failed checks', () => {
    const summary = summarizeFleet([
      withUpdate(makeContainer({ watcher: 'a' }), 'major', '2.0.0'),
      withUpdate(makeContainer({ watcher: 'a' }), 'patch', '1.0.1'),
      makeContainer({ watcher: 'b', status: 'exited', error: { message: 'x' } }),
      makeContainer({ watcher: 'b', checkedAt: null }),
    ]);
    expect(summary).toEqual({
      containers: 4,
      running: 3,
      hosts: 2,
      updates: 2,
      byLevel: { major: 1, minor: 0, patch: 1, prerelease: 0, digest: 0, unknown: 0 },
      failedChecks: 1,
      neverChecked: 1,
    });
  });
});
