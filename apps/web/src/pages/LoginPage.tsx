import { useNavigate, useSearchParams } from 'react-router-dom';
import { AccountPanel } from '../modules/auth/components/AccountPanel';
import { LoginForm } from '../modules/auth/components/LoginForm';
import { OidcButtons } from '../modules/auth/components/OidcButtons';
import { SessionsPanel } from '../modules/auth/components/SessionsPanel';
import { SetupForm } from '../modules/auth/components/SetupForm';
import { TokensPanel } from '../modules/auth/components/TokensPanel';
import { useAuthStatus } from '../modules/auth/hooks/use-auth';
import { safeNext } from '../modules/auth/utils/csrf';
import { ErrorState } from '../ui/ErrorState';
import { LoadingState } from '../ui/LoadingState';
import { PageHeader } from '../ui/PageHeader';
import { Panel } from '../ui/Panel';

/**
 * Where a 401 from the API lands (see app/auth-redirect.ts): sign in (password or OIDC), or on
 * first start create the admin with the setup link from the log. Signed in, it is the account
 * page: who you are, sign out, your sessions and API tokens.
 */
export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const status = useAuthStatus();
  const next = safeNext(params.get('next'));
  const setupToken = params.get('setup');
  const oidcError = params.get('error');
  const handleSignedIn = () => void navigate(next, { replace: true });
  const handleSignedOut = () => void navigate('/login', { replace: true });

  if (status.isPending) return <LoadingState label="Loading" />;
  if (status.isError) return <ErrorState message={status.error.message} onRetry={() => void status.refetch()} />;
  const { user, setupRequired, oidc, disabled } = status.data;

  if (user) {
    return (
      <section aria-labelledby="login-title" className="page">
        <PageHeader id="login-title" title="Your account" />
        {disabled && <div className="alert alert--error">Sign-in is turned off on this server (TIDEWATCH_AUTH_DISABLED=true): everyone is admin.</div>}
        <AccountPanel me={user} onSignedOut={handleSignedOut} />
        {user.via === 'session' && <SessionsPanel />}
        {user.via === 'session' && <TokensPanel />}
      </section>
    );
  }

  return (
    <section aria-labelledby="login-title" className="page page--narrow">
      <PageHeader id="login-title" title={setupRequired ? 'Welcome to Tidewatch' : 'Sign in'} />
      {oidcError && (
        <div className="alert alert--error" role="alert" data-testid="login-error">
          {oidcError}
        </div>
      )}
      {setupRequired && setupToken ? (
        <Panel title="Create the admin account" description="This link from the server log works once, until the admin exists.">
          <SetupForm token={setupToken} onSignedIn={handleSignedIn} />
        </Panel>
      ) : (
        <Panel title="Sign in" description={setupRequired ? 'No user exists yet: open the setup link printed in the server log.' : undefined}>
          <LoginForm onSignedIn={handleSignedIn} />
          <OidcButtons providers={oidc} next={next} />
        </Panel>
      )}
    </section>
  );
}
