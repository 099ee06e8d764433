/**
 * What happens when the API answers 401: the app registers a handler (navigate to /login with the
 * current location); the API layer calls it. The login page itself lives in pages/LoginPage.tsx
 * (and a future modules/auth) — adding real sign-in touches only those and this handler.
 */
type UnauthorizedHandler = () => void;

let handler: UnauthorizedHandler | null = null;

export function setUnauthorizedHandler(next: UnauthorizedHandler | null): void {
  handler = next;
}

export function notifyUnauthorized(): void {
  handler?.();
}

/** Where to come back to after signing in (only same-app paths). */
export function loginPath(current: string): string {
  if (current.startsWith('/login')) return current;
  return `/login?next=${encodeURIComponent(current)}`;
}
