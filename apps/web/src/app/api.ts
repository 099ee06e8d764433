import { createTidewatchClient, type TidewatchClient } from '@tidewatch/api-client';
import { notifyUnauthorized } from './auth-redirect';

type Middleware = Parameters<TidewatchClient['use']>[0];

/** 401 from any call (outside sign-in itself) sends the user to the login page. */
const unauthorized: Middleware = {
  onResponse({ request, response }) {
    if (
      response.status === 401 &&
      !new URL(request.url, window.location.origin).pathname.startsWith('/api/auth')
    )
      notifyUnauthorized();
    return undefined;
  },
};

/**
 * The one API client of the app: same origin, cookies included. Authentication (CSRF header on
 * writes) plugs in here as one more middleware.
 */
export const api: TidewatchClient = createTidewatchClient({ credentials: 'same-origin' });
api.use(unauthorized);
