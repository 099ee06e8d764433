import { RegistriesList } from '../modules/hosts/components/RegistriesList';
import { WatchersTable } from '../modules/hosts/components/WatchersTable';
import { useRegistries, useWatchers } from '../modules/hosts/hooks/use-hosts';
import { AsyncContent } from '../ui/AsyncContent';
import { PageHeader } from '../ui/PageHeader';
import { Panel } from '../ui/Panel';

export function HostsPage() {
  const watchers = useWatchers();
  const registries = useRegistries();
  return (
    <section aria-labelledby="hosts-title" className="page">
      <PageHeader id="hosts-title" title="Hosts & registries" />
      <Panel
        title="Docker hosts"
        description="One watcher per Docker engine: whether it answers, when it was last and will next be checked."
      >
        <AsyncContent
          source={watchers}
          loadingLabel="Loading hosts"
          isEmpty={(list) => list.length === 0}
          emptyTitle="No Docker host configured"
          empty={
            <>
              Set <code>TIDEWATCH_WATCHER_&#123;name&#125;_SOCKET</code> or <code>_HOST</code>.
            </>
          }
        >
          {(list) => <WatchersTable watchers={list} />}
        </AsyncContent>
      </Panel>
      <div id="registries">
        <Panel
          title="Registries"
          description="Settings (secrets masked), the last quota the registry reported, and the requests made since the server started."
        >
          <AsyncContent
            source={registries}
            loadingLabel="Loading registries"
            isEmpty={(list) => list.length === 0}
            emptyTitle="No registry configured or used yet"
          >
            {(list) => <RegistriesList registries={list} />}
          </AsyncContent>
        </Panel>
      </div>
    </section>
  );
}
