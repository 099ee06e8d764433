import { createTidewatchClient } from '@tidewatch/api-client';

/** The one API client of the app: same origin, cookies included. */
export const api = createTidewatchClient({ credentials: 'same-origin' });
