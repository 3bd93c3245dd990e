/**
 * The server side of the library field registry (lib/schema/library-fields.ts `LIBRARY_FIELDS`,
 * docs/adding-a-synced-entity.md): how each field is read from and written to a `captures` row. A
 * field lives in its own column (`json` fields as JSON text) or, for `title`, inside the stored post
 * draft (`content_json`). Pull (`captureValue`), `updateCapture` and every capture insert go through
 * here, so adding a field is a registry row plus a migration adding its column.
 */
import { LIBRARY_FIELD_NAMES, LIBRARY_FIELDS, type LibraryField, type LibraryValues } from '../../../lib/schema/library-fields';
import type { CapturesTable } from '../db/schema';

/** The `captures` columns that are not library fields (server bookkeeping, the post, the pinned answer). */
export const SERVER_COLUMNS = [
  'id', 'scope_id', 'owner_user_id', 'source_capture_id', 'platform', 'post_key', 'captured_at', 'content_json', 'note_version',
  'version', 'created_at', 'updated_at', 'completed_at', 'deleted_at', 'answer_comment_id',
] as const;

/** The library-field columns of a capture row: every column of `captures` that {@link SERVER_COLUMNS} does not name. */
export type LibraryColumns = Omit<CapturesTable, (typeof SERVER_COLUMNS)[number]>;

const inContent = (f: LibraryField): boolean => LIBRARY_FIELDS[f].column === 'content';
const columnOf = (f: LibraryField): keyof LibraryColumns => LIBRARY_FIELDS[f].column as keyof LibraryColumns;

/** The stored text of a value in its column (JSON text for `json` fields). */
function stored(f: LibraryField, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  return LIBRARY_FIELDS[f].json ? JSON.stringify(v) : v;
}

/** Every library field of a stored row, as the wire `SyncCapture` carries it (numbers as numbers, JSON parsed). */
export function libraryValues(row: CapturesTable, draft: Record<string, unknown>): LibraryValues {
  const out: Record<string, unknown> = {};
  for (const f of LIBRARY_FIELD_NAMES) {
    if (inContent(f)) {
      out[f] = draft[f] ?? null;
      continue;
    }
    const raw = row[columnOf(f)] as unknown;
    if (raw === null || raw === undefined) out[f] = null;
    else if (LIBRARY_FIELDS[f].json) out[f] = JSON.parse(raw as string);
    else out[f] = typeof raw === 'bigint' ? Number(raw) : raw;
  }
  return out as LibraryValues;
}

/**
 * The library columns of a NEW capture row: `values` where given, null elsewhere (fields kept in the
 * post draft are left to the draft).
 */
export function libraryInsert(values: Partial<LibraryValues>): LibraryColumns {
  const out: Record<string, unknown> = {};
  for (const f of LIBRARY_FIELD_NAMES) if (!inContent(f)) out[columnOf(f)] = stored(f, values[f]);
  return out as unknown as LibraryColumns;
}

/**
 * The column changes that set `set` on `row`, last writer wins per field: only fields whose stored
 * value differs appear, in `changed`; a field kept in the post draft rewrites `content_json`.
 */
export function libraryPatch(row: CapturesTable, set: Partial<LibraryValues>): { patch: Partial<CapturesTable>; changed: LibraryField[] } {
  const patch: Record<string, unknown> = {};
  const changed: LibraryField[] = [];
  let draft: Record<string, unknown> | null = null;
  for (const f of LIBRARY_FIELD_NAMES) {
    const v = set[f];
    if (v === undefined) continue;
    if (inContent(f)) {
      draft ??= JSON.parse(row.content_json) as Record<string, unknown>;
      if ((draft[f] ?? null) === v) continue;
      draft = { ...draft, [f]: v };
      patch.content_json = JSON.stringify(draft);
    } else {
      const col = columnOf(f);
      const next = stored(f, v);
      const cur = row[col] as unknown;
      if ((typeof cur === 'bigint' ? Number(cur) : cur) === next) continue;
      patch[col] = next;
    }
    changed.push(f);
  }
  return { patch: patch as Partial<CapturesTable>, changed };
}
