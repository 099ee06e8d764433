import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadingState } from '../../../ui/LoadingState';
import { Panel } from '../../../ui/Panel';
import { RelativeTime } from '../../../ui/RelativeTime';
import { Table } from '../../../ui/Table';
import { useRevokeSession, useSessions } from '../hooks/use-auth';

/** Where the user is signed in, with a way to sign any other browser out. */
export function SessionsPanel() {
  const sessions = useSessions(true);
  const revoke = useRevokeSession();
  return (
    <Panel title="Sessions" description="Browsers where you are signed in. Sessions end after a period without use, and at the latest after their maximum lifetime.">
      {sessions.isPending && <LoadingState label="Loading sessions" />}
      {sessions.isError && <ErrorState message={sessions.error.message} onRetry={() => void sessions.refetch()} compact />}
      {sessions.data && (
        <Table label="Sessions">
          <thead>
            <tr>
              <th scope="col">Browser</th>
              <th scope="col">Address</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.map((session) => (
              <tr key={session.id} data-testid="session-row">
                <td>
                  <span className="cell__truncate" title={session.userAgent ?? undefined}>
                    {session.userAgent ?? 'unknown'}
                  </span>{' '}
                  {session.current && <Badge tone="ok">this browser</Badge>} <span className="cell__muted">{session.method}</span>
                </td>
                <td className="cell__mono">{session.ip ?? '—'}</td>
                <td>
                  <RelativeTime value={session.createdAt} />
                </td>
                <td>
                  <RelativeTime value={session.lastSeenAt} />
                </td>
                <td className="cell__actions">
                  {!session.current && (
                    <Button size="sm" variant="danger" pending={revoke.isPending && revoke.variables === session.id} onClick={() => revoke.mutate(session.id)}>
                      Sign out
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Panel>
  );
}
