/**
 * The authorisation matrix's rows: for EVERY mutation name (`MUTATION_NAMES`, lib/schema/sync.ts), the
 * args one cell sends and the answer each actor kind gets. This is docs/sync-protocol.md 4 "role table"
 * written as data; a mutation without a row fails `server/test/authz-matrix.test.ts`.
 */
import { uuidv7 } from 'uuidv7';
import type { MutationName } from '../../lib/schema';
import { draft } from './harness';
import type { ActorKind, Cell } from './authz-world';

/** One mutation's row: its args for a cell, and the expected answer per column. */
export interface MatrixRow {
  args: (c: Cell) => Record<string, unknown>;
  expect: Record<ActorKind, string>;
}

const A = 'applied';
const F = 'rejected:forbidden';
const NF = 'not_found';
const MERGED = 'noop:merged';

/** The usual answers for a change to a stored row: owners any, editors their own, non-readers `not_found`. */
const CHANGE: Record<ActorKind, string> = { owner: A, editorOwn: A, editorOther: F, viewer: F, nonMember: NF, otherPersonal: NF, removed: NF };
/** The usual answers for an addition to a scope named in the args. */
const CREATE: Record<ActorKind, string> = { owner: A, editorOwn: A, editorOther: A, viewer: F, nonMember: F, otherPersonal: F, removed: F };
/** Discussion (issue 11): every member, viewers too, may comment and react; non-readers `not_found`. */
const DISCUSS: Record<ActorKind, string> = { owner: A, editorOwn: A, editorOther: A, viewer: A, nonMember: NF, otherPersonal: NF, removed: NF };

/** The same post as `c.cap`, fuller: longer text with a new link (what a revisit sends). */
const fuller = (c: Cell) => draft(c.post, { text: `post ${c.post} ${'and the rest of it '.repeat(20)}`, links: [{ url: 'https://example.com/new', title: null }] });

/** Rows keyed by mutation name; the test checks the keys equal `MUTATION_NAMES`. */
export const ROWS: Record<MutationName, MatrixRow> = {
  // editorOther: the post is already live in the team, shared by the owner: merged, their row untouched.
  createCapture: {
    args: (c) => (c.kind === 'editorOther'
      ? { id: uuidv7(), scopeId: c.scopeId, capturedAt: 1, ...fuller(c), note: 'mine', intent: 'tip', tags: ['mine'] }
      : { id: uuidv7(), scopeId: c.scopeId, capturedAt: 1, ...draft(uuidv7()) }),
    expect: { ...CREATE, editorOther: MERGED },
  },
  completeCapture: { args: (c) => ({ id: c.cap, set: fuller(c) }), expect: CHANGE },
  updateCapture: { args: (c) => ({ id: c.cap, baseVersion: 0, set: { note: 'changed', title: 'changed' } }), expect: CHANGE },
  deleteCapture: { args: (c) => ({ id: c.cap }), expect: CHANGE },
  addTag: { args: (c) => ({ captureId: c.cap, tag: 'added' }), expect: CHANGE },
  removeTag: { args: (c) => ({ captureId: c.cap, tag: 'seed' }), expect: CHANGE },
  // editorOther: the owner's collection id reused: never an overwrite.
  createCollection: {
    args: (c) => ({ id: c.kind === 'editorOther' ? c.col : uuidv7(), scopeId: c.scopeId, name: 'new' }),
    expect: { ...CREATE, editorOther: 'rejected:id_conflict' },
  },
  renameCollection: { args: (c) => ({ id: c.col, name: 'renamed' }), expect: CHANGE },
  deleteCollection: { args: (c) => ({ id: c.col }), expect: CHANGE },
  // Filing is an addition: an editor may file any capture of the team into any of its collections.
  addToCollection: { args: (c) => ({ collectionId: c.col, captureId: c.loose }), expect: { ...CHANGE, editorOther: A } },
  removeFromCollection: { args: (c) => ({ collectionId: c.col, captureId: c.cap }), expect: CHANGE },
  // nonMember copies the team's capture out; otherPersonal shares into the owner's personal scope;
  // editorOther shares a post the owner already shared (merged, the owner's note kept).
  shareCapture: {
    args: (c) => (c.kind === 'nonMember'
      ? { sourceId: c.cap, newId: uuidv7(), targetScopeId: c.minePersonal }
      : { sourceId: c.mine, newId: uuidv7(), targetScopeId: c.scopeId, note: 'why' }),
    expect: { ...CREATE, editorOther: MERGED, nonMember: NF },
  },
  withdraw: {
    args: () => ({ name: 'createCapture', reason: 'server error 500, three times' }),
    expect: { owner: 'rejected:withdrawn', editorOwn: 'rejected:withdrawn', editorOther: 'rejected:withdrawn', viewer: 'rejected:withdrawn', nonMember: 'rejected:withdrawn', otherPersonal: 'rejected:withdrawn', removed: 'rejected:withdrawn' },
  },
  // A reply to the row owner's comment.
  createComment: { args: (c) => ({ id: uuidv7(), captureId: c.cap, parentId: c.cmt, body: 'a reply', mentions: [] }), expect: DISCUSS },
  // Nobody edits another person's comment, not even the team's owner (`owner` acts on an editor's comment).
  editComment: { args: (c) => ({ id: c.cmt, body: 'edited', mentions: [] }), expect: { ...CHANGE, owner: F } },
  // Its author, or the team's owner.
  deleteComment: { args: (c) => ({ id: c.cmt }), expect: CHANGE },
  setReaction: { args: (c) => ({ targetKind: 'comment', targetId: c.cmt, kind: 'useful', present: true }), expect: DISCUSS },
  // The capture's sharer or the team's owner pins the answer.
  markAnswered: { args: (c) => ({ captureId: c.cap, commentId: c.cmt }), expect: CHANGE },
};

/** Names in `names` that have no row in `rows` (the matrix fails on any). */
export function uncovered(rows: Partial<Record<string, MatrixRow>>, names: readonly string[]): string[] {
  return names.filter((n) => !Object.hasOwn(rows, n));
}
