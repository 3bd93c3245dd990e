/**
 * Pull appliers of a capture's elements: its tags and its collection items (present/absent facts
 * about a capture row, docs/sync-protocol.md 3.2). Applied after the page's rows; an element whose
 * capture is not here yet is parked (`ctx.orphans`) until it arrives.
 */
import { tagKey } from '../../schema/tag';
import type { SyncChangeOf } from '../../schema/sync';
import { splitKey, type ApplyCtx } from './context';
import { noteServerElement } from './shadow';

/** A tag put/del (`captureId|tag`). The server's tag keys are always noted in the capture's shadow. */
export async function applyCaptureTag(c: SyncChangeOf<'captureTag'>, ctx: ApplyCtx): Promise<void> {
  const { db, scopeId, pending } = ctx;
  const [captureId, tag] = splitKey(c.key);
  const key = tagKey(tag);
  if (key) await noteServerElement(db, captureId, 'tags', key, c.op === 'put');
  const p = pending.captures.get(captureId);
  if (!key || p?.has(`tag:${key}`) || p?.has('*')) return;
  const cap = await db.captures.get(captureId);
  if (!cap) {
    ctx.orphans.push(c);
    return;
  }
  const has = cap.tags.some((t) => tagKey(t) === key);
  if (c.op === 'put' && !has) {
    const known = await db.tags.get([scopeId, key]);
    const label = known?.label ?? tag;
    if (!known) await db.tags.put({ scopeId, key, label, createdAt: ctx.now });
    await db.captures.put({ ...cap, tags: [...cap.tags, label] });
  } else if (c.op === 'del' && has) {
    await db.captures.put({ ...cap, tags: cap.tags.filter((t) => tagKey(t) !== key) });
  }
}

/** A collection item put/del (`collectionId|captureId`). The server's items are always noted in the capture's shadow. */
export async function applyCollectionItem(c: SyncChangeOf<'collectionItem'>, ctx: ApplyCtx): Promise<void> {
  const { db, pending } = ctx;
  const [collectionId, captureId] = splitKey(c.key);
  await noteServerElement(db, captureId, 'collectionIds', collectionId, c.op === 'put');
  const p = pending.captures.get(captureId);
  if (p?.has(`col:${collectionId}`) || p?.has('*')) return;
  const cap = await db.captures.get(captureId);
  if (!cap) {
    ctx.orphans.push(c);
    return;
  }
  const has = cap.collectionIds.includes(collectionId);
  if (c.op === 'put' && !has) await db.captures.put({ ...cap, collectionIds: [...cap.collectionIds, collectionId] });
  else if (c.op === 'del' && has) await db.captures.put({ ...cap, collectionIds: cap.collectionIds.filter((id) => id !== collectionId) });
}
