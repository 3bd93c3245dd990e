import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../../lib/util/i18n';
import { fmt } from '../format';
import { friendlyTime } from '../../lib/util/time';
import type { ActionResult, RefusedChangeView } from './types';
import type { MutationName } from '../../lib/schema';
import './refused-changes.css';
import { useActionError } from './action-errors';

/** A refused change as lib/db `listRefused` gives it: `reason` says why this browser withdrew it (code `withdrawn`). */
export type RefusedRow = RefusedChangeView & { reason?: string };

/** Props of {@link RefusedChanges}. */
export interface RefusedChangesProps {
  /** The refused changes, newest first (lib/db `listRefused`). */
  changes: readonly RefusedRow[];
  /** Forgets these changes on this device (lib/db `dismissRefused`). */
  onDismiss: (mutationIds: string[]) => Promise<ActionResult>;
  /** Starts a browser download of `blob` as `name` (built by {@link refusedChangesFile}). */
  onDownload: (file: { blob: Blob; name: string }) => void;
  /** Team names by team id, to say which team a change was for (unknown teams are not named). */
  teamNames?: Readonly<Record<string, string>>;
  t: Translate;
  locale?: string;
  /** Clock for the file name (tests). */
  now?: () => number;
}

/**
 * Message key of the "what" of each mutation name (`{tag}` / `{name}` filled from the args). Typed over
 * every lib/schema mutation name: a new mutation without its words does not compile.
 */
const WHAT: Record<Exclude<MutationName, 'withdraw'>, string> = {
  createCapture: 'optRefusedCreateCapture',
  completeCapture: 'optRefusedCompleteCapture',
  updateCapture: 'optRefusedUpdateCapture',
  deleteCapture: 'optRefusedDeleteCapture',
  addTag: 'optRefusedAddTag',
  removeTag: 'optRefusedRemoveTag',
  createCollection: 'optRefusedCreateCollection',
  renameCollection: 'optRefusedRenameCollection',
  deleteCollection: 'optRefusedDeleteCollection',
  addToCollection: 'optRefusedAddToCollection',
  removeFromCollection: 'optRefusedRemoveFromCollection',
  shareCapture: 'optRefusedShareCapture',
  createComment: 'optRefusedCreateComment',
  editComment: 'optRefusedEditComment',
  deleteComment: 'optRefusedDeleteComment',
  setReaction: 'optRefusedSetReaction',
  markAnswered: 'optRefusedMarkAnswered',
};

/** Extra words for a `rejected` reason code the learner can act on. */
const CODE_HINT: Record<string, string> = {
  forbidden: 'optRefusedHintForbidden',
  invalid: 'optRefusedHintInvalid',
};

const SUBJECT_CHARS = 80;
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  const chars = [...one];
  return chars.length > SUBJECT_CHARS ? `${chars.slice(0, SUBJECT_CHARS - 1).join('').trimEnd()}…` : one;
}

/**
 * What a refused change was, in words: `what` ("Saved post", "Added tag ai"...) and, where the
 * args carry it, `subject` (a post's author and the start of its text or its title). Pure.
 */
export function describeRefused(c: Pick<RefusedChangeView, 'name' | 'args'>, t: Translate): { what: string; subject: string | null } {
  const key = Object.hasOwn(WHAT, c.name) ? WHAT[c.name as keyof typeof WHAT] : undefined;
  const what = key
    ? fmt(t(key), { tag: str(c.args.tag) ?? '?', name: str(c.args.name) ?? '?' })
    : fmt(t('optRefusedOther'), { name: c.name });
  // A post's content: in the args of a create, in `set` of a completion.
  const post = c.name === 'createCapture' ? c.args : c.name === 'completeCapture' ? obj(c.args.set) : null;
  let subject: string | null = null;
  if (post) {
    const author = str(obj(post.author)?.name);
    const text = str(post.text) ?? str(post.title);
    if (author && text) subject = fmt(t('optRefusedPostBy'), { author: clip(author), text: clip(text) });
    else if (text) subject = fmt(t('optRefusedPostText'), { text: clip(text) });
    else if (author) subject = fmt(t('optRefusedPostAuthor'), { author: clip(author) });
  }
  // A comment's own words (issue 11): what the learner wrote is never lost from sight.
  const body = c.name === 'createComment' || c.name === 'editComment' ? str(c.args.body) : null;
  if (body) subject = fmt(t('optRefusedCommentText'), { text: clip(body) });
  return { what, subject };
}

/**
 * Why the server did not apply a change, in words, by `status` (and `code` for `rejected`); a change
 * this browser withdrew (code `withdrawn`, docs/sync-protocol.md 3.9 "Poison") says so with its `reason`. Pure.
 */
export function refusedReason(c: Pick<RefusedRow, 'status' | 'code' | 'reason'>, t: Translate): string {
  if (c.code === 'withdrawn') return fmt(t('optRefusedWhyWithdrawn'), { reason: c.reason ?? c.code });
  switch (c.status) {
    case 'gone':
      return t('optRefusedWhyGone');
    case 'not_found':
      return t('optRefusedWhyNotFound');
    case 'rejected': {
      if (!c.code) return t('optRefusedWhyRejected');
      const base = fmt(t('optRefusedWhyRejectedCode'), { code: c.code });
      const hint = CODE_HINT[c.code];
      return hint ? `${base} ${t(hint)}` : base;
    }
    default:
      return fmt(t('optRefusedWhyOther'), { status: c.status });
  }
}

/**
 * The "Download as JSON" file: every refused change with its full payload (so the learner keeps
 * the content), plus when each was refused as an ISO time. Pure.
 */
export function refusedChangesFile(changes: readonly RefusedRow[], now: number): { blob: Blob; name: string } {
  const body = {
    format: 'satchel-refused-changes',
    exportedAt: new Date(now).toISOString(),
    changes: changes.map((c) => ({ ...c, refusedAt: new Date(c.at).toISOString() })),
  };
  const day = new Date(now).toISOString().slice(0, 10);
  return { blob: new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }), name: `satchel-refused-changes-${day}.json` };
}


/** The team a change was for, when it names one we know (`team:<id>` in its scope). */
function teamOf(c: RefusedRow, names: Readonly<Record<string, string>> | undefined): string | null {
  const scope = c.scopeId ?? str(c.args.targetScopeId) ?? str(c.args.scopeId);
  if (!scope?.startsWith('team:') || !names) return null;
  return names[scope.slice('team:'.length)] ?? null;
}

/**
 * "Changes the server did not accept (N)": each change this browser made that sync refused, with
 * what it was, when, and why, so nothing is silently lost. "Download as JSON" keeps their content;
 * "Dismiss" (per row) and "Dismiss all" forget them on this device. Renders nothing when there
 * are none. Presentational: props in, callbacks out. After a dismiss, focus goes to the next row's
 * Dismiss button (or the heading).
 */
export function RefusedChanges({ changes, onDismiss, onDownload, teamNames, t, locale, now = Date.now }: RefusedChangesProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useActionError<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // The dismissed row and its index: once it is gone from `changes`, focus the Dismiss button now
  // at that index (or the heading).
  const [refocus, setRefocus] = useState<{ id: string; index: number } | null>(null);

  useEffect(() => {
    if (!refocus || changes.some((c) => c.mutationId === refocus.id)) return;
    setRefocus(null);
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('[data-dismiss]') ?? [];
    (buttons[Math.min(refocus.index, buttons.length - 1)] ?? heading.current)?.focus();
  }, [changes, refocus]);

  if (changes.length === 0) return null;

  const dismiss = async (ids: string[], index: number | null) => {
    setBusy(true);
    setError(null);
    const r = await onDismiss(ids);
    setBusy(false);
    if (!r.ok) setError(r.error);
    else if (index !== null) setRefocus({ id: ids[0]!, index });
  };

  return (
    <section class="opt-card refused" aria-labelledby="refused-title" data-testid="refused-changes">
      <h2 id="refused-title" ref={heading} tabIndex={-1}>{fmt(t('optRefusedTitle'), { n: changes.length }, locale)}</h2>
      <p class="small muted">{t('optRefusedIntro')}</p>
      {error && <p class="opt-error" role="alert">{error}</p>}
      <ul ref={list} class="opt-list">
        {changes.map((c, i) => {
          const { what, subject } = describeRefused(c, t);
          const team = teamOf(c, teamNames);
          return (
            <li key={c.mutationId} class="opt-row refused__row" data-status={c.status}>
              <div class="opt-row__main">
                <span class="opt-row__title">{what}</span>
                {subject && <span class="refused__subject">{subject}</span>}
                <span class="small muted">
                  <time dateTime={new Date(c.at).toISOString()}>{friendlyTime(c.at, now(), locale)}</time>
                  {team && <> · {fmt(t('optRefusedInTeam'), { team })}</>}
                </span>
                <span class="small refused__why">{refusedReason(c, t)}</span>
              </div>
              <button
                type="button"
                class="btn btn--small"
                data-dismiss={c.mutationId}
                disabled={busy}
                aria-label={fmt(t('optRefusedDismissLabel'), { what })}
                onClick={() => void dismiss([c.mutationId], i)}
              >
                {t('optRefusedDismiss')}
              </button>
            </li>
          );
        })}
      </ul>
      <div class="inline-actions">
        <button type="button" class="btn btn--small" onClick={() => onDownload(refusedChangesFile(changes, now()))}>
          {t('optRefusedDownload')}
        </button>
        <button type="button" class="btn btn--small" disabled={busy} onClick={() => void dismiss(changes.map((c) => c.mutationId), null)}>
          {t('optRefusedDismissAll')}
        </button>
      </div>
    </section>
  );
}
