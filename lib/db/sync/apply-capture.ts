/** Pull appliers of a capture row and of its note conflicts (docs/sync-protocol.md 3.9 pull phase, 3.7). */
import type { Capture } from '../../schema';
import type { SyncCapture, SyncChangeOf } from '../../schema/sync';
import { LIBRARY_FIELD_NAMES, type LibraryField } from '../../schema/library-fields';
import type { ApplyCtx } from './context';
import { forgetCaptures } from './forget';
import { noteContentAlias } from '../mutations';

/** Capture fields a pending local change keeps over the pulled value: the library fields and the pinned answer. */
const KEPT_WHILE_PENDING: ReadonlyArray<LibraryField | 'answerCommentId'> = [...LIBRARY_FIELD_NAMES, 'answerCommentId'];

/**
 * A capture put or del. A capture with a pending create, delete or completion keeps its local row
 * (newer than anything pulled); fields with a pending change keep their local value. A del
 * drops the capture with its comments and reactions. Two devices that saved one post offline: the
 * server kept one id, so the other local row (the "twin") is dropped. A LinkedIn capture stored
 * with its id gets its content-alias note (lib/db/mutations.ts `noteContentAlias`; also its former
 * id-less key when another device merged it), so a page showing the post without its id shows it
 * saved here before any click (docs/sync-protocol.md 3.11).
 */
export async function applyCapture(c: SyncChangeOf<'capture'>, ctx: ApplyCtx): Promise<void> {
  const { db, scopeId, pending } = ctx;
  if (pending.captures.get(c.key)?.has('*')) return; // our newer local row wins until the server has it
  if (c.op === 'del') return forgetCaptures(db, [c.key]);
  const v = c.value;
  const old = await db.captures.get(v.id);
  const row = toLocalCapture(v, scopeId, old, pending.captures.get(v.id));
  const twin = await db.captures.where('[scopeId+key]').equals([scopeId, row.key]).first();
  if (twin && twin.id !== row.id && !pending.captures.get(twin.id)?.has('*')) await forgetCaptures(db, [twin.id]);
  else if (twin && twin.id !== row.id) return; // our twin is still being created: the server will merge it
  await db.captures.put(row);
  // Issue 9: the post may be met here without its id; the note finds this capture (and the key it had id-less).
  await noteContentAlias(db, row, old && old.key !== row.key ? old.key : undefined);
  const prevMeta = await db.syncMeta.get(v.id);
  const fields: Record<string, unknown> = { answerCommentId: v.answerCommentId };
  for (const f of LIBRARY_FIELD_NAMES) fields[f] = v[f] ?? null;
  await db.syncMeta.put({
    id: v.id, scopeId, version: v.version, noteVersion: v.noteVersion, ownerUserId: v.ownerUserId, sourceCaptureId: v.sourceCaptureId,
    server: { fields, tags: prevMeta?.server?.tags ?? [], collectionIds: prevMeta?.server?.collectionIds ?? [] },
  });
}

/** The server row as a local capture: local tags and collections kept (they travel as elements); fields with a pending local change kept. Pure. */
export function toLocalCapture(v: SyncCapture, scopeId: string, old: Capture | undefined, pending: ReadonlySet<string> | undefined): Capture {
  const { ownerUserId: _o, sourceCaptureId: _s, noteVersion: _n, version: _v, createdAt: _c, ...rest } = v;
  const row: Capture = { ...rest, scopeId, tags: old?.tags ?? [], collectionIds: old?.collectionIds ?? [], deletedAt: null };
  if (old && pending) for (const f of KEPT_WHILE_PENDING) if (pending.has(f)) (row as Record<typeof f, unknown>)[f] = old[f] ?? null;
  return row;
}

/** A note another device overwrote (kept as a "replaced note"), or its removal. */
export async function applyNoteConflict(c: SyncChangeOf<'noteConflict'>, ctx: ApplyCtx): Promise<void> {
  if (c.op === 'del') await ctx.db.noteConflicts.delete(c.key);
  else await ctx.db.noteConflicts.put({ ...c.value, scopeId: ctx.scopeId });
}
