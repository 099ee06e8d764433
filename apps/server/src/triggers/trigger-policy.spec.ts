import type { TriggerContainer } from '@tidewatch/triggers';
import { eventId, parseTriggerRefs, passesThreshold, triggerFor } from './trigger-policy';

const tagUpdate = (semverDiff: 'major' | 'minor' | 'patch' | 'prerelease' | 'unknown' | null) => ({ kind: 'tag' as const, localValue: '1.0.0', remoteValue: '2.0.0', semverDiff });

describe('passesThreshold', () => {
  it.each<[Parameters<typeof passesThreshold>[0], Parameters<typeof passesThreshold>[1], boolean]>([
    ['all', tagUpdate('major'), true],
    ['all', tagUpdate('prerelease'), true],
    ['major', tagUpdate('major'), true],
    ['major', tagUpdate('patch'), true],
    ['minor', tagUpdate('major'), false],
    ['minor', tagUpdate('minor'), true],
    ['minor', tagUpdate('patch'), true],
    // Pre-releases pass only all and major (the core's rule).
    ['minor', tagUpdate('prerelease'), false],
    ['patch', tagUpdate('major'), false],
    ['patch', tagUpdate('minor'), false],
    ['patch', tagUpdate('patch'), true],
    // WUD's quirk, fixed: a patch threshold does not let pre-releases through.
    ['patch', tagUpdate('prerelease'), false],
    ['patch', tagUpdate('unknown'), true],
    ['patch', tagUpdate(null), true],
    ['patch', { kind: 'digest', localValue: 'sha256:a', remoteValue: 'sha256:b', semverDiff: null }, true],
    ['minor', null, true],
  ])('%s with %j → %s', (threshold, kind, expected) => {
    expect(passesThreshold(threshold, kind)).toBe(expected);
  });
});

describe('parseTriggerRefs', () => {
  it.each<[string | null, unknown]>([
    [null, []],
    ['', []],
    ['webhook.ops', [{ id: 'webhook.ops' }]],
    ['webhook.ops:minor, EMAIL.All:patch', [{ id: 'webhook.ops', threshold: 'minor' }, { id: 'email.all', threshold: 'patch' }]],
    ['webhook.ops:bogus', [{ id: 'webhook.ops' }]],
    ['nodot, webhook.ok', [{ id: 'webhook.ok' }]],
  ])('%j', (label, expected) => {
    expect(parseTriggerRefs(label)).toEqual(expected);
  });
});

describe('triggerFor', () => {
  const trigger = (common: Partial<{ threshold: 'all' | 'major' | 'minor' | 'patch'; include: string[]; exclude: string[] }> = {}) => ({
    id: 'webhook.ops',
    common: { threshold: 'all' as const, include: undefined, exclude: undefined, ...common } as never,
  });
  const container = (fields: Partial<TriggerContainer> = {}) => ({ name: 'web', watcher: 'local', triggerInclude: null, triggerExclude: null, ...fields }) as TriggerContainer;

  it.each<[string, ReturnType<typeof trigger>, TriggerContainer, { applies: boolean; threshold: string }]>([
    ['applies by default', trigger(), container(), { applies: true, threshold: 'all' }],
    ['excluded by label', trigger(), container({ triggerExclude: 'webhook.ops' }), { applies: false, threshold: 'all' }],
    ['include label names another trigger', trigger(), container({ triggerInclude: 'email.all' }), { applies: false, threshold: 'all' }],
    ['include label overrides the threshold', trigger(), container({ triggerInclude: 'webhook.ops:minor' }), { applies: true, threshold: 'minor' }],
    ['trigger include list matches the name', trigger({ include: ['web'] }), container(), { applies: true, threshold: 'all' }],
    ['trigger include list matches watcher/name with a wildcard', trigger({ include: ['local/w*'] }), container(), { applies: true, threshold: 'all' }],
    ['trigger include list does not match', trigger({ include: ['db-*'] }), container(), { applies: false, threshold: 'all' }],
    ['trigger exclude list', trigger({ exclude: ['*'] }), container(), { applies: false, threshold: 'all' }],
    ['regex characters are literal', trigger({ include: ['w.b'] }), container(), { applies: false, threshold: 'all' }],
  ])('%s', (_, t, c, expected) => {
    expect(triggerFor(t, c)).toEqual(expected);
  });
});

describe('eventId', () => {
  it('is stable for the same parts and differs otherwise', () => {
    expect(eventId('webhook.ops', 'local/web', '2.0.0')).toBe(eventId('webhook.ops', 'local/web', '2.0.0'));
    expect(eventId('webhook.ops', 'local/web', '2.0.0')).not.toBe(eventId('webhook.ops', 'local/web', '2.0.1'));
    expect(eventId('a', 'bc')).not.toBe(eventId('ab', 'c'));
    expect(eventId('x')).toMatch(/^[a-f0-9]{40}$/);
  });
});
