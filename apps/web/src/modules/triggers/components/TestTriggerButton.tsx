import { useState } from 'react';
import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Elapsed } from '../../../ui/Elapsed';
import { formatDuration } from '../../../ui/time';
import { useTestTrigger } from '../hooks/use-trigger-mutations';
import type { Trigger } from '../types';

export type TestTriggerButtonProps = {
  trigger: Pick<Trigger, 'type' | 'name' | 'id' | 'enabled'>;
  size?: 'sm' | 'md';
};

/** Sends a sample event through the trigger and shows what happened, live. */
export function TestTriggerButton({ trigger, size = 'sm' }: TestTriggerButtonProps) {
  const test = useTestTrigger();
  const [startedAt, setStartedAt] = useState(0);
  const handleTest = () => {
    setStartedAt(Date.now());
    test.mutate({ type: trigger.type, name: trigger.name });
  };
  return (
    <div className="test-trigger">
      <Button
        size={size}
        onClick={handleTest}
        pending={test.isPending}
        pendingLabel="Testing"
        aria-label={`Test ${trigger.id}`}
      >
        Test
      </Button>
      <span
        className="test-trigger__outcome"
        role="status"
        aria-live="polite"
        data-testid="test-outcome"
      >
        {test.isPending ? (
          <span className="cell__muted">
            sending… <Elapsed since={startedAt} />
          </span>
        ) : test.error ? (
          <Badge tone="error" title={test.error.message}>
            failed: {test.error.message}
          </Badge>
        ) : test.data ? (
          test.data.ok ? (
            <Badge tone="ok" title={test.data.summary ?? undefined}>
              delivered in {formatDuration(test.data.durationMs)}
            </Badge>
          ) : (
            <Badge tone="error" title={test.data.error ?? undefined}>
              failed: {test.data.error ?? 'no reason given'}
            </Badge>
          )
        ) : null}
      </span>
    </div>
  );
}
