import { Badge } from '../../../ui/Badge';
import { Button } from '../../../ui/Button';
import { Panel } from '../../../ui/Panel';
import { useLogout } from '../hooks/use-auth';
import type { Me } from '../types';

export type AccountPanelProps = { me: Me; onSignedOut: () => void };

/** Who is signed in, and the way out. */
export function AccountPanel({ me, onSignedOut }: AccountPanelProps) {
  const logout = useLogout();
  return (
    <Panel
      title="Account"
      actions={
        me.via === 'session' && (
          <Button onClick={() => logout.mutate(undefined, { onSuccess: onSignedOut })} pending={logout.isPending} pendingLabel="Signing out…">
            Sign out
          </Button>
        )
      }
    >
      <p data-testid="signed-in-as">
        Signed in as <strong>{me.username}</strong> <Badge tone="info">{me.role}</Badge>
      </p>
    </Panel>
  );
}
