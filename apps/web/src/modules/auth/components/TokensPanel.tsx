import { type FormEvent, useState } from 'react';
import { Button } from '../../../ui/Button';
import { ErrorState } from '../../../ui/ErrorState';
import { FormField, fieldIds } from '../../../ui/FormField';
import { Panel } from '../../../ui/Panel';
import { RelativeTime } from '../../../ui/RelativeTime';
import { Table } from '../../../ui/Table';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../hooks/use-auth';

/** Personal API tokens: create (the token is shown once), list, revoke. */
export function TokensPanel() {
  const tokens = useApiTokens(true);
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [days, setDays] = useState('90');
  const nameIds = fieldIds('token-name');
  const scopeIds = fieldIds('token-scope');
  const daysIds = fieldIds('token-days');
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, scope, expiresInDays: days ? Number(days) : null }, { onSuccess: () => setName('') });
  };
  return (
    <Panel title="API tokens" description="For scripts and dashboards: send Authorization: Bearer <token>. Read tokens can only read.">
      {create.data && (
        <div className="alert" role="status" data-testid="new-token">
          Copy this token now, it is not shown again: <code className="cell__mono">{create.data.token}</code>
        </div>
      )}
      <form className="form form__grid" onSubmit={handleSubmit} aria-label="Create an API token">
        <FormField ids={nameIds} label="Name" required error={create.error?.message}>
          <input id={nameIds.inputId} required maxLength={128} value={name} onChange={(event) => setName(event.target.value)} />
        </FormField>
        <FormField ids={scopeIds} label="Scope">
          <select id={scopeIds.inputId} value={scope} onChange={(event) => setScope(event.target.value === 'write' ? 'write' : 'read')}>
            <option value="read">read</option>
            <option value="write">write</option>
          </select>
        </FormField>
        <FormField ids={daysIds} label="Expires after (days)" help="Empty: never.">
          <input id={daysIds.inputId} type="number" min={1} max={3650} value={days} onChange={(event) => setDays(event.target.value)} />
        </FormField>
        <div className="form__actions">
          <Button type="submit" pending={create.isPending}>
            Create token
          </Button>
        </div>
      </form>
      {tokens.isError && <ErrorState message={tokens.error.message} compact />}
      {tokens.data && tokens.data.length > 0 && (
        <Table label="API tokens">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scope</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <tr key={token.id}>
                <td>
                  {token.name} <span className="cell__mono cell__muted">{token.prefix}…</span>
                </td>
                <td>{token.scope}</td>
                <td>{token.expiresAt ? <RelativeTime value={token.expiresAt} /> : 'never'}</td>
                <td>
                  <RelativeTime value={token.lastUsedAt} />
                </td>
                <td className="cell__actions">
                  <Button size="sm" variant="danger" pending={revoke.isPending && revoke.variables === token.id} onClick={() => revoke.mutate(token.id)}>
                    Revoke
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Panel>
  );
}
