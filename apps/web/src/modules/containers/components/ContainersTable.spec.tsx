import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeContainer, renderWithProviders, withUpdate } from '../../../test-utils';
import type { Container } from '../types';
import { ContainersTable } from './ContainersTable';

const api = withUpdate(
  makeContainer(
    {
      name: 'api',
      displayName: 'Public API',
      watcher: 'edge',
      labels: { 'com.docker.compose.project': 'shop' },
    },
    { name: 'acme/api', registry: { name: 'custom.local', url: 'http://127.0.0.1:5000/v2' } },
  ),
  'minor',
  '1.1.0',
);
const db = makeContainer({ name: 'db', labels: { 'com.docker.compose.project': 'shop' } });

describe('ContainersTable', () => {
  it('shows each container with its host, image and pending update', () => {
    renderWithProviders(<ContainersTable containers={[api, db]} />);
    const rows = screen.getAllByTestId('container-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0]);
    expect(first.getByRole('link', { name: 'Public API' })).toHaveAttribute(
      'href',
      `/containers/${api.id}`,
    );
    expect(first.getByText('api')).toBeInTheDocument();
    expect(first.getByText('edge')).toBeInTheDocument();
    expect(first.getByText('127.0.0.1:5000/acme/api:1.0.0')).toBeInTheDocument();
    expect(first.getByText('1.1.0')).toBeInTheDocument();
    expect(first.getByText('minor')).toBeInTheDocument();
    expect(within(rows[1]).getByText('up to date')).toBeInTheDocument();
  });

  it('does not claim a never-checked container is up to date', () => {
    renderWithProviders(<ContainersTable containers={[makeContainer({ checkedAt: null })]} />);
    expect(screen.getByText('not checked yet')).toBeInTheDocument();
    expect(screen.queryByText('up to date')).not.toBeInTheDocument();
  });

  it('shows a check error instead of an update', () => {
    renderWithProviders(
      <ContainersTable
        containers={[
          { ...api, error: { message: 'repository acme/api not found' }, updateAvailable: false },
        ]}
      />,
    );
    expect(screen.getByText('error')).toHaveAttribute('title', 'repository acme/api not found');
  });

  it('renders only a window of rows when there are a thousand', () => {
    const many: Container[] = Array.from({ length: 1000 }, (_, i) =>
      makeContainer({ name: `svc-${String(i).padStart(4, '0')}` }),
    );
    renderWithProviders(<ContainersTable containers={many} />);
    const rendered = screen.getAllByTestId('container-row').length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(screen.getByRole('table', { name: 'Containers' })).toHaveAttribute(
      'aria-rowcount',
      '1001',
    );
  });

  it('groups by compose project, and a group collapses from its header', async () => {
    const loose = makeContainer({ name: 'loose' });
    renderWithProviders(<ContainersTable containers={[api, db, loose]} groupBy="project" />);
    const groups = screen.getAllByTestId('group-row');
    expect(groups.map((group) => group.textContent)).toEqual([
      expect.stringContaining('shop'),
      expect.stringContaining('Not in a compose project'),
    ]);
    expect(groups[0]).toHaveTextContent('2 containers · 1 update');
    const toggle = within(groups[0]).getByRole('button');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(toggle);
    expect(screen.getAllByTestId('container-row')).toHaveLength(1);
    expect(within(screen.getAllByTestId('group-row')[0]).getByRole('button')).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  });

  it('sorts from the column headers and announces the order', async () => {
    const onSort = jest.fn();
    renderWithProviders(
      <ContainersTable containers={[api, db]} sort="update" direction="desc" onSort={onSort} />,
    );
    expect(screen.getByRole('columnheader', { name: /update/i })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await userEvent.click(screen.getByRole('button', { name: /^host/i }));
    expect(onSort).toHaveBeenCalledWith('host');
  });

  it('keeps Update focusable but unavailable, with the reason, when no update trigger exists', () => {
    renderWithProviders(<ContainersTable containers={[api]} updateTriggersExist={false} />);
    const update = screen.getByRole('button', { name: 'Update Public API' });
    expect(update).toHaveAttribute('aria-disabled', 'true');
    expect(update).not.toBeDisabled();
    expect(update).toHaveAccessibleDescription(
      'No update trigger (docker or compose) is configured',
    );
    expect(screen.getByRole('button', { name: 'Check Public API now' })).not.toHaveAttribute(
      'aria-disabled',
    );
  });
});
