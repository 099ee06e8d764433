import { InitialSchema1763769600000 } from './1763769600000-initial-schema';

/** Every migration, oldest first. Listed explicitly so the built server needs no file globbing. */
export const migrations = [InitialSchema1763769600000];
