/**
 * The one helper that appends a mutation to the outbox. Called only inside the rw transaction
 * that writes the row it describes (lib/db/mutations.ts invariant). Internal to lib/db.
 * Args are typed from lib/schema `MutationArgs` (docs/sync-protocol.md 3.3), so a writer cannot
 * queue a mutation the server's schema would refuse for its shape.
 */
import type { MutationArgsOf, MutationName } from '../schema/sync';
import { newId } from '../util/uuid';
import type { SatchelDb } from './database';

/** One mutation with its args, typed by name (a union over every lib/schema mutation). */
export type QueuedMutation = { [N in MutationName]: { name: N; args: MutationArgsOf<N> } }[MutationName];

/** Appends `{mutationId, name, args, clientTs: now}`; `seq` comes from the key generator. */
export function addMutation<N extends MutationName>(db: SatchelDb, name: N, args: MutationArgsOf<N>, now: number): Promise<number> {
  return db.outbox.add({ mutationId: newId(), name, args, clientTs: now });
}

/** The outbox rows of `list` (in order) as {@link addMutation} writes them, for bulk writers (`bulkAdd`). */
export function outboxRows(list: readonly QueuedMutation[], now: number): Array<{ mutationId: string; name: MutationName; args: Record<string, unknown>; clientTs: number }> {
  return list.map((m) => ({ mutationId: newId(), name: m.name, args: m.args, clientTs: now }));
}

/** Appends every mutation of `list`, in order. */
export async function addMutations(db: SatchelDb, list: readonly QueuedMutation[], now: number): Promise<void> {
  for (const m of outboxRows(list, now)) await db.outbox.add(m);
}
