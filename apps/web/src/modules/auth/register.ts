import { api } from '../../app/api';
import { CSRF_COOKIE, CSRF_HEADER, needsCsrf, readCookie } from './utils/csrf';

/**
 * Imported once by the app: every state-changing API call made with the session cookie carries
 * the session's CSRF token (the server refuses it otherwise).
 */
api.use({
  onRequest({ request }) {
    if (!needsCsrf(request.method, request.url, window.location.origin)) return undefined;
    const token = readCookie(document.cookie, CSRF_COOKIE);
    if (token) request.headers.set(CSRF_HEADER, token);
    return request;
  },
});
