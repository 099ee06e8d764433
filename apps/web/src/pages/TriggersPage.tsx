import { Link } from 'react-router-dom';
import { TriggersTable } from '../modules/triggers/components/TriggersTable';
import { useTriggers } from '../modules/triggers/hooks/use-triggers';
import { AsyncContent } from '../ui/AsyncContent';
import { PageHeader } from '../ui/PageHeader';

export function TriggersPage() {
  const triggers = useTriggers();
  return (
    <section aria-labelledby="triggers-title" className="page">
      <PageHeader
        id="triggers-title"
        title="Triggers"
        meta={triggers.data ? `${triggers.data.length} configured` : undefined}
        actions={
          <Link className="button button--primary" to="/triggers/new">
            New trigger
          </Link>
        }
      />
      <AsyncContent
        source={triggers}
        loadingLabel="Loading triggers"
        isEmpty={(list) => list.length === 0}
        emptyTitle="No trigger yet"
        empty={
          <>
            Triggers notify you (webhook, email, SMS, chat) or update containers when a new version
            shows up. <Link to="/triggers/new">Create the first one</Link>, or define them with{' '}
            <code>TIDEWATCH_TRIGGER_*</code> variables.
          </>
        }
      >
        {(list) => <TriggersTable triggers={list} />}
      </AsyncContent>
    </section>
  );
}
