import { useId } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../app/api-error';
import { TestTriggerButton } from '../modules/triggers/components/TestTriggerButton';
import { TriggerForm, type TriggerFormSubmit } from '../modules/triggers/components/TriggerForm';
import { TriggerSettings } from '../modules/triggers/components/TriggerSettings';
import {
  useCreateTrigger,
  useUpdateTrigger,
} from '../modules/triggers/hooks/use-trigger-mutations';
import { useTrigger, useTriggerTypes } from '../modules/triggers/hooks/use-triggers';
import { type Trigger, type TriggerType, typeParam } from '../modules/triggers/types';
import { Badge } from '../ui/Badge';
import { EmptyState } from '../ui/EmptyState';
import { ErrorState } from '../ui/ErrorState';
import { LoadingState } from '../ui/LoadingState';
import { PageHeader } from '../ui/PageHeader';
import { Panel } from '../ui/Panel';
import { useToast } from '../ui/Toaster';

/** /triggers/new (create) and /triggers/:type/:name (edit; read-only view for env triggers). */
export function TriggerEditorPage() {
  const { type, name } = useParams();
  const types = useTriggerTypes();
  const creating = !type || !name;
  const trigger = useTrigger(type ?? '', name ?? '', { enabled: !creating });

  if (!types.data) {
    return types.error ? (
      <ErrorState message={types.error.message} onRetry={() => void types.refetch()} />
    ) : (
      <LoadingState label="Loading trigger types" />
    );
  }
  if (creating) return <CreateTrigger types={types.data} />;
  if (!trigger.data) {
    if (trigger.error instanceof ApiError && trigger.error.status === 404)
      return (
        <EmptyState title="Trigger not found">
          <Link to="/triggers">Back to triggers</Link>
        </EmptyState>
      );
    return trigger.error ? (
      <ErrorState message={trigger.error.message} onRetry={() => void trigger.refetch()} />
    ) : (
      <LoadingState label="Loading trigger" />
    );
  }
  const triggerType = types.data.find((candidate) => candidate.type === trigger.data.type);
  if (!triggerType)
    return (
      <ErrorState message={`This server does not know the trigger type "${trigger.data.type}".`} />
    );
  return <EditTrigger key={trigger.data.id} triggerType={triggerType} trigger={trigger.data} />;
}

type CreateTriggerProps = { types: TriggerType[] };

function CreateTrigger({ types }: CreateTriggerProps) {
  const [params, setParams] = useSearchParams();
  const selectId = useId();
  const selected = types.find((candidate) => candidate.type === params.get('type')) ?? null;
  const create = useCreateTrigger();
  const navigate = useNavigate();
  const toast = useToast();
  const handleSubmit = ({ name, enabled, configuration }: TriggerFormSubmit) => {
    if (!selected) return;
    create.mutate(
      { type: typeParam(selected.type), name, enabled, configuration },
      {
        onSuccess: (saved) => {
          toast.show('ok', `Created ${saved.id}`);
          void navigate(
            `/triggers/${encodeURIComponent(saved.type)}/${encodeURIComponent(saved.name)}`,
          );
        },
      },
    );
  };
  return (
    <section aria-labelledby="new-trigger-title" className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/triggers">Triggers</Link> <span aria-hidden="true">/</span> <span>New</span>
      </nav>
      <PageHeader id="new-trigger-title" title="New trigger" />
      <Panel title="Type">
        <div className="field">
          <label className="field__label" htmlFor={selectId}>
            Trigger type
          </label>
          <select
            id={selectId}
            value={selected?.type ?? ''}
            onChange={(event) => {
              create.reset();
              setParams(event.target.value ? { type: event.target.value } : {}, { replace: true });
            }}
          >
            <option value="">Choose a type…</option>
            {types.map((candidate) => (
              <option key={candidate.type} value={candidate.type}>
                {candidate.type}
              </option>
            ))}
          </select>
          {selected && <p className="field__help">{selected.description}</p>}
        </div>
      </Panel>
      {selected ? (
        <Panel title={`${selected.type} settings`}>
          <TriggerForm
            key={selected.type}
            triggerType={selected}
            pending={create.isPending}
            serverError={create.error?.message}
            onSubmit={handleSubmit}
            onCancel={() => void navigate('/triggers')}
          />
        </Panel>
      ) : (
        <EmptyState title="Choose a type to see its settings" compact />
      )}
    </section>
  );
}

type EditTriggerProps = { triggerType: TriggerType; trigger: Trigger };

function EditTrigger({ triggerType, trigger }: EditTriggerProps) {
  const update = useUpdateTrigger();
  const navigate = useNavigate();
  const toast = useToast();
  const handleSubmit = ({ enabled, configuration }: TriggerFormSubmit) =>
    update.mutate(
      { type: trigger.type, name: trigger.name, body: { enabled, configuration } },
      { onSuccess: (saved) => toast.show('ok', `Saved ${saved.id}`) },
    );
  return (
    <section aria-labelledby="trigger-title" className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/triggers">Triggers</Link> <span aria-hidden="true">/</span>{' '}
        <span>{trigger.id}</span>
      </nav>
      <PageHeader
        id="trigger-title"
        title={trigger.id}
        meta={
          <span className="cell__chips">
            {trigger.readOnly ? <Badge tone="info">env · read-only</Badge> : <Badge>UI</Badge>}
            <Badge tone={trigger.enabled ? 'ok' : 'warn'}>
              {trigger.enabled ? 'enabled' : 'disabled'}
            </Badge>
          </span>
        }
        actions={<TestTriggerButton trigger={trigger} size="md" />}
      />
      <p className="field__help">{triggerType.description}</p>
      {trigger.readOnly ? (
        <Panel
          title="Settings"
          description="Defined by TIDEWATCH_TRIGGER_* environment variables: change them there and restart. Secrets are masked."
        >
          <TriggerSettings triggerType={triggerType} trigger={trigger} />
        </Panel>
      ) : (
        <Panel title="Settings">
          <TriggerForm
            triggerType={triggerType}
            trigger={trigger}
            pending={update.isPending}
            serverError={update.error?.message}
            onSubmit={handleSubmit}
            onCancel={() => void navigate('/triggers')}
          />
        </Panel>
      )}
    </section>
  );
}
