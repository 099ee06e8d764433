import { Link, useSearchParams } from 'react-router-dom';
import { EmptyState } from '../ui/EmptyState';

/**
 * Where a 401 from the API lands (see app/auth-redirect.ts). A placeholder until sign-in exists:
 * the real page (a modules/auth form posting credentials, then returning to `next`) replaces it.
 */
export function LoginPage() {
  const [params] = useSearchParams();
  const next = params.get('next');
  const back = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  return (
    <section aria-labelledby="login-title" className="page page--narrow">
      <h1 id="login-title">Sign in</h1>
      <EmptyState title="This server asks you to sign in">
        Sign-in is not available in this version of the dashboard. <Link to={back}>Try again</Link>
      </EmptyState>
    </section>
  );
}
