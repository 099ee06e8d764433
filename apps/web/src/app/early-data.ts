import { containersQueryOptions } from '../modules/containers/hooks/use-containers';
import { getAppQueryClient } from './query-client';

/**
 * Imported first by main.tsx, so this runs while the rest of the bundle (React DOM, the router…)
 * is still being evaluated: the landing pages' data is already on its way when they first
 * render. The containers list is the big one (1 000+ rows).
 */
const EARLY: Array<{ matches: (pathname: string) => boolean; prefetch: () => Promise<void> }> = [
  {
    matches: (pathname) => pathname === '/' || pathname === '/containers',
    prefetch: () => getAppQueryClient().prefetchQuery(containersQueryOptions()),
  },
];

for (const entry of EARLY) if (entry.matches(window.location.pathname)) void entry.prefetch();
