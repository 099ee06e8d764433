import { InitialSchema1763769600000 } from './1763769600000-initial-schema';
import { TriggersHistoryAudit1763856000000 } from './1763856000000-triggers-history-audit';
import { Auth1764100000000 } from './1764100000000-auth';

/** Every migration, oldest first. Listed explicitly so the built server needs no file globbing. */
export const migrations = [InitialSchema1763769600000, TriggersHistoryAudit1763856000000, Auth1764100000000];
