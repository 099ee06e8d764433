import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConcurrencyLimit, KeyedMutex } from '../common/concurrency';
import { isDigestReference, splitReference } from '../common/image-reference';
import { FileUpdateJournal } from './file-update-journal';
import { decideRecovery, readProgress } from './recovery';
import { detectOwnContainerIds, isOwnContainer } from './self-container';
import {
  InMemoryUpdateJournal,
  type JournalEntry,
  type JournalStep,
  type UpdateJournal,
} from './update-journal';
import { commandFromLabel, readUpdateLabels } from './update-labels';

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-journal-'));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('readUpdateLabels', () => {
  it('reads hooks, test command, probes and the stable time', () => {
    expect(
      readUpdateLabels({
        'tidewatch.update.pre': 'pg_dump > /backup/db.sql',
        'tidewatch.update.post': '["/bin/notify","done"]',
        'tidewatch.update.test': 'nginx -t',
        'tidewatch.update.probe.http': 'http://127.0.0.1:8080/health',
        'tidewatch.update.stable': '12',
        'tidewatch.self': 'TRUE',
      }),
    ).toEqual({
      preHook: ['sh', '-c', 'pg_dump > /backup/db.sql'],
      postHook: ['/bin/notify', 'done'],
      testCommand: ['sh', '-c', 'nginx -t'],
      probe: { kind: 'http', url: 'http://127.0.0.1:8080/health' },
      stableSeconds: 12,
      self: true,
      problems: [],
    });
  });

  it('falls back to the command probe and reports unusable values', () => {
    expect(
      readUpdateLabels({
        'tidewatch.update.probe.http': 'not a url',
        'tidewatch.update.probe.cmd': 'test -f /ready',
        'tidewatch.update.stable': 'soon',
      }),
    ).toEqual({
      probe: { kind: 'command', command: ['sh', '-c', 'test -f /ready'] },
      self: false,
      problems: [
        'tidewatch.update.stable=soon is not a number of seconds',
        'tidewatch.update.probe.http=not a url is not an http(s) URL',
      ],
    });
  });

  it.each([
    ['', undefined],
    ['   ', undefined],
    ['echo hi', ['sh', '-c', 'echo hi']],
    ['["a","b c"]', ['a', 'b c']],
    ['[not json', ['sh', '-c', '[not json']],
    ['[]', ['sh', '-c', '[]']],
  ])('commandFromLabel(%j)', (value, expected) =>
    expect(commandFromLabel(value)).toEqual(expected),
  );
});

describe('splitReference', () => {
  it.each([
    ['nginx', { repository: 'nginx' }],
    ['nginx:1.27', { repository: 'nginx', tag: '1.27' }],
    ['127.0.0.1:5000/acme/app:1.1.0', { repository: '127.0.0.1:5000/acme/app', tag: '1.1.0' }],
    ['127.0.0.1:5000/acme/app', { repository: '127.0.0.1:5000/acme/app' }],
    [`app@sha256:${'a'.repeat(64)}`, { repository: 'app', digest: `sha256:${'a'.repeat(64)}` }],
    [
      `r:1/app:2@sha256:${'a'.repeat(64)}`,
      { repository: 'r:1/app', tag: '2', digest: `sha256:${'a'.repeat(64)}` },
    ],
  ])('%s', (reference, expected) => expect(splitReference(reference)).toEqual(expected));

  it('tells digest references', () => {
    expect(isDigestReference(`a/b@sha256:${'0'.repeat(64)}`)).toBe(true);
    expect(isDigestReference('a/b:sha256')).toBe(false);
  });
});

describe('self detection', () => {
  const id = 'c0ffee'.padEnd(64, '1');
  it.each([
    ['cgroup v1', { '/proc/self/cgroup': `12:pids:/docker/${id}\n` }, 'myhost', [id]],
    [
      'systemd cgroup',
      { '/proc/self/cgroup': `0::/system.slice/docker-${id}.scope\n` },
      'myhost',
      [id],
    ],
    [
      'mountinfo (cgroup v2)',
      {
        '/proc/self/cgroup': '0::/\n',
        '/proc/self/mountinfo': `1 2 0:1 /var/lib/docker/containers/${id}/hostname /etc/hostname rw\n`,
      },
      'myhost',
      [id],
    ],
    ['host name = ID prefix', {}, id.slice(0, 12), [id.slice(0, 12)]],
    ['not in a container', { '/proc/self/cgroup': '0::/user.slice\n' }, 'laptop', []],
  ])('%s', (_what, files: Record<string, string>, hostname, expected) => {
    expect(detectOwnContainerIds((file) => files[file], hostname)).toEqual(expected);
  });

  it('matches full IDs and prefixes, never short fragments', () => {
    expect(isOwnContainer(id, [id.slice(0, 12)])).toBe(true);
    expect(isOwnContainer(id.slice(0, 12), [id])).toBe(true);
    expect(isOwnContainer(id, ['c0ffee'])).toBe(false);
    expect(isOwnContainer('f'.repeat(64), [id])).toBe(false);
  });
});

function entry(steps: JournalStep[], data: Record<string, string> = {}): JournalEntry {
  return {
    id: 'j1',
    host: 'local',
    containerId: 'old',
    containerName: 'app',
    wasRunning: true,
    targetImage: 'a@sha256:x',
    targetReference: 'a:1',
    startedAt: '2026-01-01T00:00:00Z',
    steps: steps.map((step) => ({
      step,
      at: '2026-01-01T00:00:01Z',
      ...(step === 'create-new:done' ? { data: { newContainerId: 'new', ...data } } : {}),
    })),
  };
}

describe('recovery decisions', () => {
  const upTo = (last: JournalStep): JournalStep[] => {
    const order: JournalStep[] = [
      'pull:begin',
      'pull:done',
      'stop-old:begin',
      'stop-old:done',
      'rename-old:begin',
      'rename-old:done',
      'create-new:begin',
      'create-new:done',
      'start-new:begin',
      'start-new:done',
      'health:begin',
      'health:done',
      'remove-old:begin',
    ];
    return order.slice(0, order.indexOf(last) + 1);
  };
  it.each([
    ['pull:done', { oldExists: true, newExists: false, newRunning: false }, 'close'],
    ['stop-old:begin', { oldExists: true, newExists: false, newRunning: false }, 'roll-back'],
    ['rename-old:done', { oldExists: true, newExists: false, newRunning: false }, 'roll-back'],
    ['create-new:begin', { oldExists: true, newExists: true, newRunning: false }, 'roll-back'],
    ['create-new:done', { oldExists: true, newExists: true, newRunning: false }, 'roll-back'],
    ['start-new:done', { oldExists: true, newExists: true, newRunning: true }, 'verify-new'],
    ['health:begin', { oldExists: true, newExists: true, newRunning: false }, 'roll-back'],
    ['health:done', { oldExists: true, newExists: true, newRunning: true }, 'finish'],
    ['remove-old:begin', { oldExists: false, newExists: true, newRunning: true }, 'finish'],
  ] as const)('after %s with %j → %s', (last, observed, expected) => {
    expect(decideRecovery(readProgress(entry(upTo(last))), observed)).toBe(expected);
  });

  it('reads the new container ID and the test container name from the step data', () => {
    const progress = readProgress({
      ...entry(['create-new:done']),
      steps: [
        { step: 'test-run:begin', at: '', data: { testContainerName: 'app-tidewatch-test-1' } },
        ...entry(['create-new:done']).steps,
      ],
    });
    expect(progress).toMatchObject({
      newContainerId: 'new',
      testContainerName: 'app-tidewatch-test-1',
    });
  });
});

describe.each<[string, () => UpdateJournal & { reopen(): UpdateJournal }]>([
  [
    'InMemoryUpdateJournal',
    () => {
      const journal = new InMemoryUpdateJournal();
      return Object.assign(journal, { reopen: () => journal });
    },
  ],
  [
    'FileUpdateJournal',
    () => {
      const file = path.join(
        tempDir(),
        'journal.jsonl',
      );
      return Object.assign(new FileUpdateJournal(file), {
        reopen: () => new FileUpdateJournal(file),
      });
    },
  ],
])('%s', (_name, make) => {
  it('keeps unfinished entries pending with their steps, in order', async () => {
    const journal = make();
    const start = {
      host: 'local',
      containerId: 'c',
      containerName: 'app',
      wasRunning: true,
      targetImage: 'i',
      targetReference: 'r',
    };
    await journal.begin({ ...start, id: 'a', startedAt: '2026-01-01T00:00:00Z' });
    await journal.begin({ ...start, id: 'b', startedAt: '2026-01-01T00:00:01Z' });
    await journal.step('a', 'stop-old:begin');
    await journal.step('a', 'create-new:done', { newContainerId: 'n1' });
    await journal.finish('b', 'updated');
    const pending = await journal.reopen().pending();
    expect(pending.map((item) => item.id)).toEqual(['a']);
    expect(pending[0].steps).toEqual([
      { step: 'stop-old:begin', at: expect.any(String) },
      { step: 'create-new:done', at: expect.any(String), data: { newContainerId: 'n1' } },
    ]);
    await journal.finish('a', 'rolled-back', 'why');
    expect(await journal.reopen().pending()).toEqual([]);
  });
});

describe('FileUpdateJournal', () => {
  it('skips a torn last line (crash mid-write)', async () => {
    const file = path.join(tempDir(), 'journal.jsonl');
    const journal = new FileUpdateJournal(file);
    await journal.begin({
      id: 'a',
      host: 'h',
      containerId: 'c',
      containerName: 'n',
      wasRunning: true,
      targetImage: 'i',
      targetReference: 'r',
      startedAt: 't',
    });
    fs.appendFileSync(file, '{"kind":"step","id":"a","st');
    expect((await journal.pending()).map((item) => item.id)).toEqual(['a']);
  });
});

describe('KeyedMutex and ConcurrencyLimit', () => {
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('runs one task per key at a time, in arrival order; other keys run alongside', async () => {
    const mutex = new KeyedMutex();
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`${name}+`);
      await tick();
      events.push(`${name}-`);
    };
    await Promise.all([
      mutex.run('a', task('a1')),
      mutex.run('a', task('a2')),
      mutex.run('b', task('b1')),
    ]);
    expect(events.indexOf('a1-')).toBeLessThan(events.indexOf('a2+'));
    expect(events.indexOf('b1+')).toBeLessThan(events.indexOf('a1-'));
    expect(mutex.isLocked('a')).toBe(false);
  });

  it('caps concurrent tasks and releases on failure', async () => {
    const limit = new ConcurrencyLimit(2);
    let running = 0;
    let peak = 0;
    const task = async (fail: boolean) => {
      running++;
      peak = Math.max(peak, running);
      await tick();
      running--;
      if (fail) throw new Error('x');
    };
    const results = await Promise.allSettled(
      [true, false, true, false, false].map((fail) => limit.run(() => task(fail))),
    );
    expect(peak).toBe(2);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(2);
    expect(() => new ConcurrencyLimit(0)).toThrow(/positive integer/);
  });
});
