import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { containerKeys } from '../modules/containers/hooks/query-keys';
import { triggerKeys } from '../modules/triggers/hooks/query-keys';
import { makeContainer, renderWithProviders, testQueryClient, withUpdate } from '../test-utils';
import { ContainersPage } from './ContainersPage';

function renderPage(route: string) {
  const queryClient = testQueryClient();
  queryClient.setQueryData(containerKeys.list(), [
    withUpdate(makeContainer({ name: 'web', watcher: 'edge' }), 'minor', '1.1.0'),
    withUpdate(makeContainer({ name: 'api', watcher: 'edge' }), 'major', '2.0.0'),
    makeContainer({ name: 'db', watcher: 'core', status: 'exited' }),
  ]);
  queryClient.setQueryData(triggerKeys.list(), []);
  return renderWithProviders(<ContainersPage />, { route, queryClient });
}

const names = () =>
  screen.getAllByTestId('container-row').map((row) => row.getAttribute('data-container-name'));
const location = () => screen.getByTestId('location').textContent;

describe('ContainersPage filters (URL state)', () => {
  it('applies the filters found in the URL and shows them in the controls', () => {
    renderPage('/containers?host=edge&update=minor');
    expect(names()).toEqual(['web']);
    expect(screen.getByLabelText('Host')).toHaveValue('edge');
    expect(screen.getByLabelText('Update')).toHaveValue('minor');
    expect(screen.getByText('1 of 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clear filters (2)' })).toBeInTheDocument();
  });

  it('writes search and filters to the URL as they change', async () => {
    renderPage('/containers');
    expect(names()).toEqual(['api', 'db', 'web']);
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search containers' }), 'we');
    expect(location()).toBe('/containers?q=we');
    expect(names()).toEqual(['web']);
    await userEvent.clear(screen.getByRole('searchbox', { name: 'Search containers' }));
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'exited');
    expect(location()).toBe('/containers?status=exited');
    expect(names()).toEqual(['db']);
  });

  it('sorts from a header and groups by host, both kept in the URL', async () => {
    renderPage('/containers');
    await userEvent.click(screen.getByRole('button', { name: 'Update' }));
    expect(location()).toBe('/containers?sort=update');
    expect(names()).toEqual(['api', 'web', 'db']);
    await userEvent.click(screen.getByRole('button', { name: 'Update' }));
    expect(location()).toBe('/containers?sort=update&dir=asc');
    await userEvent.selectOptions(screen.getByLabelText('Group by'), 'host');
    expect(location()).toBe('/containers?group=host&sort=update&dir=asc');
    expect(
      screen.getAllByTestId('group-row').map((row) => within(row).getByRole('button').textContent),
    ).toEqual([expect.stringContaining('core'), expect.stringContaining('edge')]);
  });

  it('says so when nothing matches, and clearing keeps grouping and sorting', async () => {
    renderPage('/containers?q=nothing-like-this&group=host&sort=name&dir=desc');
    expect(screen.getByText('No container matches')).toBeInTheDocument();
    await userEvent.click(screen.getAllByRole('button', { name: /clear filters/i })[0]);
    expect(location()).toBe('/containers?group=host&dir=desc');
    expect(screen.getAllByTestId('container-row')).toHaveLength(3);
  });
});
