import {
  commonTriggerSchema,
  DEFAULT_BATCH_TITLE,
  DEFAULT_BODY,
  DEFAULT_TITLE,
} from './common.schema';
import { renderBatchNotification, renderNotification, templateData } from './notification-text';
import { sampleContainer, sampleTriggerEvent } from './sample-event';

const defaults = { title: DEFAULT_TITLE, body: DEFAULT_BODY, batchtitle: DEFAULT_BATCH_TITLE };

describe('notification text', () => {
  it("renders WUD's default title and body", () => {
    expect(renderNotification(defaults, sampleTriggerEvent())).toEqual({
      title: 'New tag found for container nginx',
      body: 'Container nginx running with tag 1.25.3 can be updated to tag 1.27.0\nhttps://github.com/nginx/nginx/releases/tag/release-1.27.0',
    });
    const noLink = sampleTriggerEvent('update-available', {
      container: sampleContainer({
        result: { tag: '1.27.0', digest: null, link: null, created: null },
      }),
    });
    expect(renderNotification(defaults, noLink).body).toBe(
      'Container nginx running with tag 1.25.3 can be updated to tag 1.27.0',
    );
  });

  it('words other events differently unless the templates were customised', () => {
    expect(renderNotification(defaults, sampleTriggerEvent('update-failed'))).toEqual({
      title: 'Update failed for container nginx',
      body: 'Updating container nginx to 1.27.0 failed: container exited with code 1',
    });
    expect(renderNotification(defaults, sampleTriggerEvent('check-error')).body).toBe(
      'Checking container nginx (library/nginx:1.25.3) failed: registry answered 503',
    );
    expect(renderNotification(defaults, sampleTriggerEvent('rolled-back')).title).toBe(
      'Container nginx rolled back',
    );
    expect(renderNotification(defaults, sampleTriggerEvent('update-applied')).title).toBe(
      'Container nginx updated',
    );
    const custom = { ...defaults, title: '[${event.kind}] ${name}' };
    expect(renderNotification(custom, sampleTriggerEvent('update-failed')).title).toBe(
      '[update-failed] nginx',
    );
  });

  it("offers WUD's legacy short variables", () => {
    expect(templateData(sampleTriggerEvent())).toMatchObject({
      name: 'nginx',
      local: '1.25.3',
      remote: '1.27.0',
      kind: 'tag',
      semver: 'minor',
      count: 1,
    });
    const rendered = renderNotification(
      { ...defaults, title: '${name}: ${local} -> ${remote} (${semver})' },
      sampleTriggerEvent(),
    );
    expect(rendered.title).toBe('nginx: 1.25.3 -> 1.27.0 (minor)');
  });

  it('renders a batch as a title and a list of bodies', () => {
    const events = [
      sampleTriggerEvent(),
      sampleTriggerEvent('update-available', {
        container: sampleContainer({ name: 'redis', result: null }),
      }),
    ];
    const { title, body } = renderBatchNotification(defaults, events);
    expect(title).toBe('2 updates available');
    expect(body.split('\n- ')).toHaveLength(2);
    expect(body.startsWith('- Container nginx running with tag 1.25.3')).toBe(true);
    expect(
      renderBatchNotification(defaults, [
        sampleTriggerEvent('update-failed'),
        sampleTriggerEvent('update-failed'),
      ]).title,
    ).toBe('2 updates failed');
    expect(
      renderBatchNotification(defaults, [sampleTriggerEvent('update-failed'), sampleTriggerEvent()])
        .title,
    ).toBe('2 container events');
  });

  it('parses the common options with WUD defaults', () => {
    expect(commonTriggerSchema.parse({})).toEqual({
      mode: 'simple',
      threshold: 'all',
      once: true,
      auto: true,
      title: DEFAULT_TITLE,
      body: DEFAULT_BODY,
      batchtitle: DEFAULT_BATCH_TITLE,
      events: ['update-available'],
    });
    expect(
      commonTriggerSchema.parse({ mode: '', once: 'no', include: 'local/nginx, db-*' }),
    ).toMatchObject({ mode: 'simple', once: false, include: ['local/nginx', 'db-*'] });
    expect(commonTriggerSchema.safeParse({ threshold: 'major-only' }).success).toBe(false);
    expect(commonTriggerSchema.safeParse({ body: '${constructor.constructor}' }).success).toBe(
      false,
    );
    expect(commonTriggerSchema.safeParse({ include: 'a b' }).success).toBe(false);
  });
});
