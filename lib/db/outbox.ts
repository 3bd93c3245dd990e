/**
 * The one helper that appends a mutation to the outbox. Called only inside the rw transaction
 * that writes the row it describes (lib/db/mutations.ts invariant). Internal to lib/db.
 */
import { newId } from '../util/uuid';
import type { MutationName, SatchelDb } from './database';

/** Appends `{mutationId, name, args, clientTs: now}`; `seq` comes from the key generator. */
export function addMutation(db: SatchelDb, name: MutationName, args: Record<string, unknown>, now: number): Promise<number> {
  return db.outbox.add({ mutationId: newId(), name, args, clientTs: now });
}
