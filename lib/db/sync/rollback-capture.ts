/** Undoing a refused change on a capture: back to the server's values as last pulled (the syncMeta shadow). */
import type { Capture } from '../../schema';
import { tagKey } from '../../schema/tag';
import { LIBRARY_FIELD_NAMES } from '../../schema/library-fields';
import type { SatchelDb } from '../database';
import type { WireOutboxItem } from './read-outbox';

/** Puts capture fields of a refused `updateCapture`, tag, collection-item, `deleteCapture` or `markAnswered` back to the shadow. Inside a rw transaction; a capture never pulled is left as it is. */
export async function rollbackCapture(db: SatchelDb, item: WireOutboxItem): Promise<void> {
  const id = String(item.args.id ?? item.args.captureId ?? '');
  const [cap, meta] = await Promise.all([db.captures.get(id), db.syncMeta.get(id)]);
  if (!cap || !meta?.server) return;
  const server = meta.server;
  const next: Capture = { ...cap };
  const restore = (f: string) => {
    if (f in server.fields) (next as Record<string, unknown>)[f] = server.fields[f];
  };
  if (item.name === 'updateCapture') {
    for (const f of Object.keys((item.args.set as object | undefined) ?? {})) restore(f);
  } else if (item.name === 'markAnswered') {
    next.answerCommentId = (server.fields.answerCommentId as string | null | undefined) ?? null;
  } else if (item.name === 'addTag' || item.name === 'removeTag') {
    const key = tagKey(String(item.args.tag));
    const onServer = key !== null && server.tags.includes(key);
    const has = cap.tags.some((t) => tagKey(t) === key);
    if (onServer && !has) next.tags = [...cap.tags, (await db.tags.get([cap.scopeId, key!]))?.label ?? key!];
    if (!onServer && has) next.tags = cap.tags.filter((t) => tagKey(t) !== key);
  } else if (item.name === 'deleteCapture') {
    // e.g. an editor deleting a capture someone else shared: it stays in the team.
    next.deletedAt = null;
    next.tags = await Promise.all(server.tags.map(async (k) => (await db.tags.get([cap.scopeId, k]))?.label ?? k));
    next.collectionIds = [...server.collectionIds];
    for (const f of [...LIBRARY_FIELD_NAMES, 'answerCommentId']) restore(f);
  } else if (item.name === 'addToCollection' || item.name === 'removeFromCollection') {
    const col = String(item.args.collectionId);
    const onServer = server.collectionIds.includes(col);
    const has = cap.collectionIds.includes(col);
    if (onServer && !has) next.collectionIds = [...cap.collectionIds, col];
    if (!onServer && has) next.collectionIds = cap.collectionIds.filter((x) => x !== col);
  } else return;
  await db.captures.put(next);
}
