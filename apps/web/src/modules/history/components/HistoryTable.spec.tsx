import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../../test-utils';
import { requests, serveApi } from '../../../testing/fake-api';
import type { TriggerRun } from '../types';
import { HistoryTable } from './HistoryTable';

function run(patch: Partial<TriggerRun>): TriggerRun {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    trigger: 'webhook.ops',
    triggerType: 'webhook',
    triggerName: 'ops',
    event: 'update-available',
    containerIdentity: 'local/web',
    containerName: 'web',
    status: 'success',
    attempt: 1,
    durationMs: 35,
    error: null,
    summary: 'POST http://127.0.0.1:9/hook → 200',
    origin: 'auto',
    deliveryId: 'd1',
    deliveryStatus: 'delivered',
    steps: null,
    at: new Date().toISOString(),
    ...patch,
  };
}

describe('HistoryTable', () => {
  it('shows outcome, attempts, duration and error; Retry only for a failed delivery', async () => {
    const failed = run({
      id: '00000000-0000-4000-8000-000000000002',
      status: 'error',
      attempt: 3,
      error: 'HTTP 503 from receiver',
      deliveryStatus: 'failed',
      summary: null,
    });
    serveApi({
      'POST /api/history/{id}/retry': () => ({
        ...failed,
        status: 'retrying',
        deliveryStatus: 'pending',
      }),
    });
    renderWithProviders(<HistoryTable runs={[run({}), failed]} />);
    const [ok, bad] = screen.getAllByTestId('history-row');
    expect(within(ok).getByText('success')).toBeInTheDocument();
    expect(within(ok).getByText('35 ms')).toBeInTheDocument();
    expect(within(ok).queryByRole('button', { name: /retry/i })).not.toBeInTheDocument();
    expect(within(bad).getByText('attempt 3')).toBeInTheDocument();
    expect(within(bad).getByText('HTTP 503 from receiver')).toBeInTheDocument();
    await userEvent.click(within(bad).getByRole('button', { name: 'Retry webhook.ops for web' }));
    expect(await screen.findByText('Queued webhook.ops again')).toBeInTheDocument();
    expect(requests).toEqual([
      { method: 'POST', path: `/api/history/${failed.id}/retry`, body: undefined },
    ]);
  });

  it('lists the steps of an update run', async () => {
    renderWithProviders(
      <HistoryTable
        runs={[
          run({
            event: 'update-applied',
            steps: [
              { name: 'pull', durationMs: 800, ok: true },
              { name: 'start', durationMs: 120, ok: true },
            ] as unknown as TriggerRun['steps'],
          }),
        ]}
      />,
    );
    await userEvent.click(screen.getByText('2 steps'));
    expect(screen.getByText('pull')).toBeVisible();
    expect(screen.getByText('800 ms')).toBeInTheDocument();
  });
});
