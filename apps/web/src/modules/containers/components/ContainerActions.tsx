import { Button } from '../../../ui/Button';
import { Elapsed } from '../../../ui/Elapsed';
import { formatDuration } from '../../../ui/time';
import { useToast } from '../../../ui/Toaster';
import { useContainerTriggers } from '../hooks/use-container';
import {
  usePendingContainerActions,
  useRunContainerTrigger,
  useWatchContainer,
} from '../hooks/use-container-actions';
import type { Container } from '../types';
import { checkOutcome } from '../utils/format';
import { isUpdateTrigger, pickUpdateTrigger } from '../utils/update-action';

export type ContainerActionsProps = {
  container: Container;
  /** Whether any docker/compose trigger exists at all (else no per-container lookup is needed). */
  updateTriggersExist: boolean;
  size?: 'sm' | 'md';
};

/** Check now and Update for one container; progress survives the row scrolling out of view. */
export function ContainerActions({
  container,
  updateTriggersExist,
  size = 'sm',
}: ContainerActionsProps) {
  const toast = useToast();
  const pending = usePendingContainerActions(container.id);
  const watch = useWatchContainer({
    onSuccess: (checked) => toast.show(checked.error ? 'error' : 'ok', checkOutcome(checked)),
    onError: (error) =>
      toast.show('error', `Check of ${container.displayName} failed: ${error.message}`),
  });
  const wantsTriggers = updateTriggersExist && container.updateAvailable;
  const triggers = useContainerTriggers(container.id, { enabled: wantsTriggers });
  const updateTrigger = pickUpdateTrigger(triggers.data);
  const run = useRunContainerTrigger({
    onSuccess: (result, input) =>
      toast.show(
        'ok',
        `${container.displayName}: ${input.type}.${input.name} finished in ${formatDuration(result.durationMs)}`,
      ),
    onError: (error, input) =>
      toast.show(
        'error',
        `${container.displayName}: ${input.type}.${input.name} failed: ${error.message}`,
      ),
  });
  const updating = pending.running.find(isUpdateTrigger);

  let reason: string | undefined;
  if (!container.updateAvailable) reason = 'No update available';
  else if (!updateTriggersExist) reason = 'No update trigger (docker or compose) is configured';
  else if (triggers.isPending) reason = 'Looking up the triggers of this container…';
  else if (triggers.error)
    reason = `Could not load the triggers of this container: ${triggers.error.message}`;
  else if (!updateTrigger)
    reason = 'No enabled docker or compose trigger applies to this container';

  const handleCheck = () => watch.mutate(container.id);
  const handleUpdate = () => {
    if (updateTrigger)
      run.mutate({ containerId: container.id, type: updateTrigger.type, name: updateTrigger.name });
  };

  return (
    <div className="row-actions">
      <Button
        size={size}
        onClick={handleCheck}
        pending={pending.checkingSince !== null}
        pendingLabel={
          pending.checkingSince !== null ? <Elapsed since={pending.checkingSince} /> : undefined
        }
        aria-label={`Check ${container.displayName} now`}
        title="Check now"
      >
        Check
      </Button>
      <Button
        size={size}
        variant={reason ? 'default' : 'primary'}
        onClick={handleUpdate}
        disabledReason={updating ? undefined : reason}
        pending={Boolean(updating)}
        pendingLabel={
          updating ? (
            <>
              Updating <Elapsed since={updating.since} />
            </>
          ) : undefined
        }
        aria-label={`Update ${container.displayName}`}
      >
        Update
      </Button>
    </div>
  );
}
