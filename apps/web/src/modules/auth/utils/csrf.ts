/** The cookie the server sets at sign-in, readable by the page, echoed in the header below. */
export const CSRF_COOKIE = 'tidewatch_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A cookie's value from a `document.cookie` string. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return undefined;
}

/** Whether a request needs the CSRF header: state-changing methods to this origin. */
export function needsCsrf(method: string, url: string, origin: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  try {
    return new URL(url, origin).origin === origin;
  } catch {
    return false;
  }
}

/** Only same-app paths after sign-in (never `//host` or another scheme). */
export function safeNext(next: string | null): string {
  return next && /^\/(?![/\\])/.test(next) && !next.startsWith('/login') ? next : '/';
}
