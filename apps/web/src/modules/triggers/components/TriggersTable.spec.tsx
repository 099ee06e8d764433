import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test-utils';
import { deferred, json, requests, serveApi } from '../../../testing/fake-api';
import { triggerKeys } from '../hooks/query-keys';
import { makeTrigger } from '../testing/fixtures';
import { TriggersTable } from './TriggersTable';

const ui = makeTrigger();
const env = makeTrigger({
  id: 'email.team',
  type: 'email',
  name: 'team',
  source: 'env',
  readOnly: true,
  configuration: { host: 'smtp' },
  secretsSet: [],
});

function renderTable() {
  const result = renderWithProviders(<TriggersTable triggers={[ui, env]} />);
  result.queryClient.setQueryData(triggerKeys.list(), [ui, env]);
  return result;
}

const row = (id: string) =>
  screen
    .getAllByTestId('trigger-row')
    .find((element) => element.getAttribute('data-trigger-id') === id) as HTMLElement;

describe('TriggersTable', () => {
  it('marks environment triggers read-only: a badge, no delete, a locked switch', () => {
    renderTable();
    const envRow = within(row('email.team'));
    expect(envRow.getByText('env · read-only')).toBeInTheDocument();
    expect(envRow.queryByRole('button', { name: /delete/i })).not.toBeInTheDocument();
    expect(envRow.getByRole('link', { name: 'View' })).toHaveAttribute(
      'href',
      '/triggers/email/team',
    );
    expect(envRow.getByRole('switch', { name: 'email.team enabled' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(within(row('webhook.ops')).getByRole('link', { name: 'Edit' })).toBeInTheDocument();
  });

  it('tests a trigger and shows the live outcome', async () => {
    const answer = deferred<Response>();
    serveApi({ 'POST /api/triggers/{type}/{name}/test': () => answer.promise });
    renderTable();
    const ops = within(row('webhook.ops'));
    await userEvent.click(ops.getByRole('button', { name: 'Test webhook.ops' }));
    expect(ops.getByRole('button', { name: 'Test webhook.ops' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
    expect(ops.getByTestId('test-outcome')).toHaveTextContent(/sending/);
    answer.resolve(
      json({
        ok: true,
        summary: 'POST http://127.0.0.1:9/hook → 200',
        error: null,
        durationMs: 42,
        runId: 'r1',
      }),
    );
    expect(await ops.findByText('delivered in 42 ms')).toBeInTheDocument();
    expect(requests).toContainEqual({
      method: 'POST',
      path: '/api/triggers/webhook/ops/test',
      body: {},
    });
  });

  it('shows why a test failed', async () => {
    serveApi({
      'POST /api/triggers/{type}/{name}/test': () => ({
        ok: false,
        summary: null,
        error: 'connect ECONNREFUSED 127.0.0.1:9',
        durationMs: 3,
        runId: 'r2',
      }),
    });
    renderTable();
    await userEvent.click(
      within(row('webhook.ops')).getByRole('button', { name: 'Test webhook.ops' }),
    );
    expect(await screen.findByText('failed: connect ECONNREFUSED 127.0.0.1:9')).toBeInTheDocument();
  });

  it('disables a trigger, keeping its settings but not its masked secrets', async () => {
    serveApi({
      'PUT /api/triggers/{type}/{name}': async (request) => ({
        ...ui,
        enabled: ((await request.json()) as { enabled: boolean }).enabled,
      }),
    });
    renderTable();
    const toggle = within(row('webhook.ops')).getByRole('switch', { name: 'webhook.ops enabled' });
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    await userEvent.click(toggle);
    expect(requests).toContainEqual({
      method: 'PUT',
      path: '/api/triggers/webhook/ops',
      body: { enabled: false, configuration: { url: 'http://127.0.0.1:9/hook' } },
    });
  });

  it('deletes only after confirmation, with the focus on Cancel first', async () => {
    serveApi({ 'DELETE /api/triggers/{type}/{name}': () => new Response(null, { status: 204 }) });
    renderTable();
    await userEvent.click(
      within(row('webhook.ops')).getByRole('button', { name: 'Delete webhook.ops' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Delete webhook.ops?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(requests).toHaveLength(0);

    await userEvent.click(
      within(row('webhook.ops')).getByRole('button', { name: 'Delete webhook.ops' }),
    );
    await userEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }),
    );
    expect(await screen.findByText('Deleted webhook.ops')).toBeInTheDocument();
    expect(requests).toEqual([
      { method: 'DELETE', path: '/api/triggers/webhook/ops', body: undefined },
    ]);
  });
});
