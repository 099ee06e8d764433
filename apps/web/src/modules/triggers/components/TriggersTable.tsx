import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { Switch } from '../../../ui/Switch';
import { Table } from '../../../ui/Table';
import { useToast } from '../../../ui/Toaster';
import { useDeleteTrigger, useSetTriggerEnabled } from '../hooks/use-trigger-mutations';
import type { Trigger } from '../types';
import { TestTriggerButton } from './TestTriggerButton';

export type TriggersTableProps = { triggers: Trigger[] };

export function TriggersTable({ triggers }: TriggersTableProps) {
  const [deleting, setDeleting] = useState<Trigger | null>(null);
  const remove = useDeleteTrigger();
  const toast = useToast();
  const handleConfirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting, {
      onSuccess: () => {
        toast.show('ok', `Deleted ${deleting.id}`);
        setDeleting(null);
      },
    });
  };
  const sorted = [...triggers].sort((a, b) => a.id.localeCompare(b.id));
  return (
    <>
      <Table label="Triggers" stacked>
        <thead>
          <tr>
            <th scope="col">Trigger</th>
            <th scope="col">Source</th>
            <th scope="col">Enabled</th>
            <th scope="col">Fires on</th>
            <th scope="col">Test</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((trigger) => (
            <TriggerRow key={trigger.id} trigger={trigger} onDelete={() => setDeleting(trigger)} />
          ))}
        </tbody>
      </Table>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.id ?? 'trigger'}?`}
        confirmLabel="Delete"
        pending={remove.isPending}
        error={remove.error?.message}
        onConfirm={handleConfirmDelete}
        onCancel={() => {
          remove.reset();
          setDeleting(null);
        }}
      >
        <p>It stops firing at once; its past runs stay in the history.</p>
      </ConfirmDialog>
    </>
  );
}

type TriggerRowProps = { trigger: Trigger; onDelete: () => void };

function TriggerRow({ trigger, onDelete }: TriggerRowProps) {
  const setEnabled = useSetTriggerEnabled();
  const toast = useToast();
  const handleEnabled = (enabled: boolean) =>
    setEnabled.mutate(
      { trigger, enabled },
      {
        onError: (error) =>
          toast.show(
            'error',
            `Could not ${enabled ? 'enable' : 'disable'} ${trigger.id}: ${error.message}`,
          ),
      },
    );
  const path = `/triggers/${encodeURIComponent(trigger.type)}/${encodeURIComponent(trigger.name)}`;
  return (
    <tr data-testid="trigger-row" data-trigger-id={trigger.id}>
      <td data-label="Trigger">
        <Link to={path} className="cell__title">
          {trigger.name}
        </Link>
        <span className="cell__sub">{trigger.type}</span>
      </td>
      <td data-label="Source">
        {trigger.readOnly ? (
          <Badge tone="info" title="Defined by environment variables: change it there.">
            env · read-only
          </Badge>
        ) : (
          <Badge>UI</Badge>
        )}
      </td>
      <td data-label="Enabled">
        <Switch
          checked={trigger.enabled}
          label={`${trigger.id} enabled`}
          pending={setEnabled.isPending}
          disabledReason={
            trigger.readOnly ? 'Defined by environment variables: change it there.' : undefined
          }
          onChange={handleEnabled}
        />
      </td>
      <td data-label="Fires on">
        <span className="cell__chips">
          <Badge>{trigger.threshold === 'all' ? 'any update' : `≤ ${trigger.threshold}`}</Badge>
          <Badge>{trigger.mode}</Badge>
          {!trigger.auto && <Badge tone="warn">manual only</Badge>}
        </span>
        <span className="cell__sub">{trigger.events.join(', ')}</span>
      </td>
      <td data-label="Test">
        <TestTriggerButton trigger={trigger} />
      </td>
      <td data-label="Actions" className="cell__actions">
        <Link className="button button--sm" to={path}>
          {trigger.readOnly ? 'View' : 'Edit'}
        </Link>
        {!trigger.readOnly && (
          <Button size="sm" variant="danger" onClick={onDelete} aria-label={`Delete ${trigger.id}`}>
            Delete
          </Button>
        )}
      </td>
    </tr>
  );
}
