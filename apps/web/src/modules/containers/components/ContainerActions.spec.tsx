import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeContainer, renderWithProviders, withUpdate } from '../../../test-utils';
import { deferred, json, serveApi } from '../../../testing/fake-api';
import { makeTrigger } from '../../triggers/testing/fixtures';
import { containerKeys } from '../hooks/query-keys';
import { ContainerActions } from './ContainerActions';

const web = withUpdate(makeContainer({ name: 'web' }), 'minor', '1.1.0');

describe('ContainerActions', () => {
  it('checks now with visible progress, then updates the row and says what it found', async () => {
    const answer = deferred<Response>();
    serveApi({ 'POST /api/containers/{id}/watch': () => answer.promise });
    const { queryClient } = renderWithProviders(
      <ContainerActions
        container={makeContainer({ id: web.id, name: 'web' })}
        updateTriggersExist={false}
      />,
    );
    queryClient.setQueryData(containerKeys.list(), [makeContainer({ id: web.id, name: 'web' })]);
    await userEvent.click(screen.getByRole('button', { name: 'Check web now' }));
    expect(screen.getByRole('button', { name: 'Check web now' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
    expect(screen.getByRole('button', { name: 'Check web now' })).toHaveTextContent(/\d+ s/);
    answer.resolve(json(web));
    expect(await screen.findByText('web: update available → 1.1.0')).toBeInTheDocument();
    expect(queryClient.getQueryData(containerKeys.list())).toEqual([web]);
  });

  it('runs the first docker or compose trigger of the container as Update', async () => {
    const docker = {
      ...makeTrigger({ id: 'docker.local', type: 'docker', name: 'local' }),
      containerThreshold: 'all',
    };
    const webhook = { ...makeTrigger(), containerThreshold: 'all' };
    serveApi({
      'GET /api/containers/{id}/triggers': () => [webhook, docker],
      'POST /api/containers/{id}/triggers/{type}/{name}': (_request, params) => ({
        ok: true,
        summary: `${params.type}.${params.name}`,
        error: null,
        durationMs: 2100,
        runId: 'r1',
      }),
    });
    renderWithProviders(<ContainerActions container={web} updateTriggersExist />);
    const update = screen.getByRole('button', { name: 'Update web' });
    await screen.findByRole('button', { name: 'Update web', description: '' });
    expect(update).not.toHaveAttribute('aria-disabled');
    await userEvent.click(update);
    expect(await screen.findByText('web: docker.local finished in 2.1 s')).toBeInTheDocument();
  });

  it('explains a failed update with the server message', async () => {
    const docker = {
      ...makeTrigger({ id: 'docker.local', type: 'docker', name: 'local' }),
      containerThreshold: 'all',
    };
    serveApi({
      'GET /api/containers/{id}/triggers': () => [docker],
      'POST /api/containers/{id}/triggers/{type}/{name}': () =>
        json(
          { statusCode: 502, error: 'Bad Gateway', message: 'pull failed: manifest unknown' },
          502,
        ),
    });
    renderWithProviders(<ContainerActions container={web} updateTriggersExist />);
    await screen.findByRole('button', { name: 'Update web', description: '' });
    await userEvent.click(screen.getByRole('button', { name: 'Update web' }));
    expect(
      await screen.findByText('web: docker.local failed: pull failed: manifest unknown'),
    ).toBeInTheDocument();
  });

  it('says why Update is unavailable when no docker or compose trigger applies', async () => {
    serveApi({
      'GET /api/containers/{id}/triggers': () => [{ ...makeTrigger(), containerThreshold: 'all' }],
    });
    renderWithProviders(<ContainerActions container={web} updateTriggersExist />);
    expect(
      await screen.findByRole('button', {
        name: 'Update web',
        description: 'No enabled docker or compose trigger applies to this container',
      }),
    ).toHaveAttribute('aria-disabled', 'true');
  });
});
