import type { AuthStatus } from '../types';

export type OidcButtonsProps = { providers: AuthStatus['oidc']; next: string };

/** One link per OpenID Connect provider: a full-page navigation to the provider and back. */
export function OidcButtons({ providers, next }: OidcButtonsProps) {
  if (providers.length === 0) return null;
  return (
    <div className="form__actions" role="group" aria-label="Single sign-on">
      {providers.map((provider) => (
        <a key={provider.name} className="button" data-testid={`oidc-${provider.name}`} href={`${provider.loginUrl}?next=${encodeURIComponent(next)}`}>
          Sign in with {provider.label}
        </a>
      ))}
    </div>
  );
}
